// The address and password fields the sign-up, log-in, forgotten-password and reset forms share.
import { usePage } from "../../context";
import { TextField, type FormErrors } from "../../components/form";

/** `autocomplete`: "username" on the log-in form (so password managers pair it), else "email". */
export const EmailField = ({
  value,
  errors,
  autocomplete,
}: {
  value?: string;
  errors?: FormErrors;
  autocomplete: "email" | "username";
}) => {
  const { t } = usePage();
  return (
    <TextField
      name="email"
      type="email"
      label={t("auth.email")}
      value={value}
      autocomplete={autocomplete}
      required
      errors={errors}
    />
  );
};

/** `newPassword`: one being chosen (sign-up, reset): the hint states the rules; browsers may suggest one. */
export const PasswordField = ({
  label,
  errors,
  newPassword = false,
}: {
  label: string;
  errors?: FormErrors;
  newPassword?: boolean;
}) => {
  const { t } = usePage();
  return (
    <TextField
      name="password"
      type="password"
      label={label}
      hint={newPassword ? t("auth.password_hint") : undefined}
      autocomplete={newPassword ? "new-password" : "current-password"}
      required
      errors={errors}
    />
  );
};
