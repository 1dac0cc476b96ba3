// What a call or an award gives: "12 training seats" for a non-cash offer, the money range otherwise.
import { numberFormat } from "../../worker/domain/intl-cache";
import { usePage } from "../context";
import { MoneyRange } from "./MoneyRange";
import type { Translate } from "../../worker/i18n";
import type { Locale, OfferKind } from "../../schema/enums";
import type { Money } from "../../worker/domain/money";

export type OfferView = { what: OfferKind; quantity: number };

/** One seat, hour or trip reads in the singular; every other count in the catalogue's plural form. */
export const offerText = (t: Translate, locale: Locale, offer: OfferView) =>
  offer.quantity === 1
    ? t(`offer.one.${offer.what}`)
    : t(`offer.n.${offer.what}`, { n: numberFormat(locale, {}).format(offer.quantity) });

export const Offer = ({ offer }: { offer: OfferView }) => {
  const { t, locale } = usePage();
  return <bdi>{offerText(t, locale, offer)}</bdi>;
};

/** The offer of a non-cash call, else its grant range (a non-cash call's optional value is shown on its page). */
export const CallGives = ({
  call,
}: {
  call: { offer: OfferView | null; grant: { min: Money; max: Money } | null };
}) =>
  call.offer ? (
    <Offer offer={call.offer} />
  ) : call.grant ? (
    <MoneyRange min={call.grant.min} max={call.grant.max} />
  ) : null;
