// Where "Leave quickly" goes on rapid-response pages: an everyday site that says nothing about why the
// person was here (documented in README.md, "Rapid response"). Change it here only.
export const NEUTRAL_SITE_URL = "https://www.bbc.com/weather";
