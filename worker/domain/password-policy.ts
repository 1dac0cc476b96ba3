// Which passwords are refused: too short, too long, or among the most common choices (including the
// common words people pad with digits to reach the minimum length, in the four languages we serve).

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** Frequent passwords of 10+ characters from public breach corpora, lower-cased. */
const COMMON_LONG = new Set([
  "1234567890", "0123456789", "0987654321", "9876543210", "1111111111", "0000000000", "1234512345",
  "1122334455", "1212121212", "123456789a", "a123456789", "123456789q", "q123456789", "1q2w3e4r5t",
  "1q2w3e4r5t6y", "q1w2e3r4t5", "1qaz2wsx3edc", "qwertyuiop", "asdfghjkl;", "zxcvbnm123", "qwerty1234",
  "qwerty12345", "qwerty123456", "asdfghjkl1", "abcdefghij", "abcd123456", "abc1234567", "password12",
  "password123", "password1234", "password12345", "passw0rd12", "p@ssw0rd12", "p@ssword123", "iloveyou12",
  "iloveyou123", "football12", "football123", "baseball12", "basketball", "superman12", "starwars12",
  "sunshine12", "princess12", "welcome123", "welcome1234", "letmein123", "trustno1234", "michael123",
  "jennifer12", "charlie123", "liverpool1", "chelsea123", "arsenal123", "manchester", "barcelona1",
  "realmadrid", "computer12", "internet12", "administrator", "admin12345", "admin123456", "changeme123",
  "motdepasse", "motdepasse1", "motdepasse123", "azertyuiop", "azerty1234", "azerty123456", "bonjour123",
  "soleil1234", "contrasena", "contrasena1", "contrasena123", "contraseña", "contraseña1", "contraseña123",
  "teamo12345", "teamo123456", "holamundo1", "qwertyuiop1", "1234567890a", "12345678910", "123123123123",
  "147258369a", "1478963250", "7894561230", "5555555555", "9999999999", "abcdefg123", "aaaaaaaaaa",
  "zaq12wsxcde", "zaq1xsw2cde3", "google1234", "facebook12", "whatsapp123", "samsung123", "iphone1234",
]);

/** Words people pad with digits/symbols ("password2024!"); refused whatever padding follows or precedes. */
const COMMON_BASES = new Set([
  "password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "azerty", "qwertz", "iloveyou", "letmein",
  "welcome", "admin", "administrator", "monkey", "dragon", "football", "baseball", "sunshine", "princess",
  "superman", "batman", "master", "shadow", "trustno", "secret", "login", "abc", "test", "changeme",
  "motdepasse", "bonjour", "soleil", "doudou", "contrasena", "contraseña", "teamo", "hola", "clave",
  "sanad", "asdfgh", "zxcvbn", "qazwsx", "default", "user", "guest", "root",
]);

const isSingleRun = (p: string) => new Set(p).size <= 2;

/** Returns the message key of the first rule the password breaks, or null when it is acceptable. */
export const passwordProblem = (password: string, email?: string): string | null => {
  if (password.length < PASSWORD_MIN) return "err.password_short";
  if (password.length > PASSWORD_MAX) return "err.password_long";
  const lower = password.toLowerCase();
  if (COMMON_LONG.has(lower) || isSingleRun(lower)) return "err.password_common";
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core.length === 0 || COMMON_BASES.has(core)) return "err.password_common";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && (core === local || lower === local)) return "err.password_email";
  return null;
};
