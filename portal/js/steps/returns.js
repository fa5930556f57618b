// Renders a return the way the customer sees it: RMA number, status, its
// parts (one parcel per return address, e.g. per vendor) and its timeline.
// Used for the order's earlier returns and on the confirmation step.

import { h } from "../dom.js";
import { t, formatDate, formatDateTime, formatCountry, carrierName } from "../i18n.js";

/** @typedef {import('../types.js').ReturnView} ReturnView */
/** @typedef {import('../types.js').ShipmentView} ShipmentView */

/** Statuses after which a part's return address and instructions apply. */
const SENDABLE = new Set(["approved", "in_transit", "delivered", "partially_received", "received", "completed"]);

/** @param {string} status a ReturnStatus or PartStatus */
export function statusText(status) {
  return t(`status_${status}`);
}

/** @param {import('../types.js').Schemas['EventType']} type */
function eventText(type) {
  const key = `event_${type.replace(/[.]/g, "_")}`;
  const text = t(key);
  return text === key ? t("event_other") : text;
}

/** @param {NonNullable<ShipmentView['address']>} address */
function renderAddress(address) {
  const lines = [
    address.name,
    address.company,
    address.line1,
    address.line2,
    `${address.postal_code} ${address.city}`,
    formatCountry(address.country),
  ].filter((line) => line);
  return h("address", {}, lines.flatMap((line, i) => (i ? [h("br"), String(line)] : [String(line)])));
}

/**
 * One part of a return: where it goes and, once approved, how.
 * @param {ReturnView} ret
 * @param {ShipmentView} part
 * @param {number} index
 * @param {number} level heading level of the part's title
 * @param {boolean} [withLabel] false where the label is shown separately
 */
export function renderPart(ret, part, index, level, withLabel = true) {
  const title = /** @type {"h3" | "h4" | "h5"} */ (`h${level}`);
  const subtitle = /** @type {"h4" | "h5" | "h6"} */ (`h${level + 1}`);
  const names = ret.items.filter((item) => part.item_ids.includes(item.id)).map((item) => item.name);
  const sendable = SENDABLE.has(part.status);
  const label = withLabel && sendable ? part.label : null;
  return h("div", { class: "part", "data-part-id": part.id }, [
    h(title, { text: part.vendor ? t("part_vendor", { vendor: part.vendor.name }) : t("part_title", { number: index + 1 }) }),
    h("p", { class: "status", text: statusText(part.status) }),
    names.length ? h("p", { class: "part-items", text: names.join(", ") }) : null,
    label?.tracking_number
      ? h("p", { text: `${carrierName(label.carrier)} · ${t("tracking_number", { number: label.tracking_number })}` })
      : null,
    // A customer coming back for a lost label finds it here.
    label?.download_url
      ? h("p", {}, [h("a", { class: "label-pdf", href: label.download_url, text: t("label_pdf") })])
      : null,
    label?.qr_code_url
      ? h("p", {}, [h("a", { class: "label-qr-link", href: label.qr_code_url, text: t("label_qr_link") })])
      : null,
    sendable && part.address
      ? h("div", { class: "part-address" }, [h(subtitle, { text: t("return_address") }), renderAddress(part.address)])
      : null,
    sendable && part.instructions
      ? h("div", { class: "part-instructions" }, [h(subtitle, { text: t("instructions") }), h("p", { text: part.instructions })])
      : null,
  ]);
}

/** @param {ReturnView} ret */
function renderTimeline(ret) {
  const entries = ret.timeline ?? [];
  if (!entries.length) return null;
  return h("div", { class: "timeline-wrap" }, [
    h("h5", { text: t("timeline_title") }),
    h(
      "ol",
      { class: "timeline" },
      entries.map((entry) =>
        h("li", {}, [
          h("time", { datetime: entry.at, text: formatDateTime(entry.at) }),
          " ",
          h("span", { text: eventText(entry.type) }),
        ]),
      ),
    ),
  ]);
}

/**
 * An earlier return of the order, as a card.
 * @param {ReturnView} ret
 */
export function renderReturn(ret) {
  return h("article", { class: "return", "data-return-id": ret.id }, [
    h("h4", { class: "return-rma" }, [`${t("rma_label")}: `, h("strong", { text: ret.rma_number })]),
    h("p", { class: "status", text: statusText(ret.status) }),
    h("p", { class: "hint", text: t("return_created", { date: formatDate(ret.created_at) }) }),
    ...ret.shipments.map((part, i) => renderPart(ret, part, i, 5)),
    renderTimeline(ret),
  ]);
}
