// The form behind a mail link (confirm the address, set a new password). The token travels in a hidden
// field; the page itself changes nothing, so a mail scanner following the link uses up no token.
import type { ComponentChildren } from "preact";

export const TokenForm = ({
  action,
  token,
  submit,
  children,
}: {
  action: string;
  token: string;
  submit: string;
  children?: ComponentChildren;
}) => (
  <form class="stack" method="post" action={action} novalidate>
    <input type="hidden" name="token" value={token} />
    {children}
    <p>
      <button type="submit">{submit}</button>
    </p>
  </form>
);
