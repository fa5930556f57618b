// Step 5: the confirmation. An approved return has a label per part: it is
// polled until ready, then offered as a PDF (and, for label-less returns,
// as a QR code to show at the drop-off point). A return that waits for
// review gets no label yet, and the status line says so.

import { $, h } from "../dom.js";
import { t, carrierName } from "../i18n.js";
import { pollLabel } from "../api.js";
import { renderPart } from "./returns.js";

/** @typedef {import('../types.js').ReturnView} ReturnView */
/** @typedef {import('../types.js').LabelView} LabelView */
/** @typedef {import('../types.js').LabelPoll} LabelPoll */
/** @typedef {import('../main.js').Context} Context */

/** Statuses in which labels exist or are being made. */
const LABELLED = new Set(["approved", "in_transit", "partially_received", "received", "completed"]);

/**
 * What happens next for a part that has no label (yet).
 * @param {ReturnView} ret
 */
function nextStep(ret) {
  if (ret.status === "payment_required") return t("payment_note");
  if (ret.return_method.type === "in_store" && LABELLED.has(ret.status)) return t("in_store_note");
  return t("review_note");
}

/**
 * Shows a finished label: the PDF link, the QR code for label-less returns.
 * @param {HTMLElement} block
 * @param {LabelPoll | LabelView} label
 * @param {ReturnView} ret
 * @param {boolean} first whether this block carries the page's label ids
 */
function showLabel(block, label, ret, first) {
  const status = $(".label-status", block);
  if (label.status === "failed") {
    status.textContent = t("label_failed");
    return;
  }
  if (label.status === "cancelled") {
    status.textContent = t("label_cancelled");
    return;
  }
  status.textContent = t("label_ready");
  if (label.tracking_number) {
    block.append(h("p", { text: `${carrierName(label.carrier)} · ${t("tracking_number", { number: label.tracking_number })}` }));
  }
  if (label.qr_code_url) {
    block.append(
      h("p", { text: t("label_qr_intro") }),
      h("img", {
        id: first ? "label-qr" : null,
        class: "label-qr",
        src: label.qr_code_url,
        alt: t("label_qr_alt", { rma: ret.rma_number }),
        width: 240,
        height: 240,
      }),
    );
    // The code the QR encodes, for when the screen cannot be scanned.
    if ("dropoff_code" in label && label.dropoff_code) {
      block.append(h("p", { class: "dropoff-code", text: t("dropoff_code", { code: label.dropoff_code }) }));
    }
  }
  if (label.download_url) {
    block.append(
      h("p", {}, [
        h("a", {
          id: first ? "label-pdf" : null,
          class: "label-pdf button",
          href: label.download_url,
          download: `${ret.rma_number}.pdf`,
          text: t("label_pdf"),
        }),
      ]),
    );
  }
}

/**
 * @param {ReturnView} ret
 * @param {import('../types.js').ShipmentView} part
 * @param {number} index
 */
function renderLabelBlock(ret, part, index) {
  const first = index === 0;
  const block = h("div", { class: "label-block" }, [
    ret.shipments.length > 1 ? renderPart(ret, part, index, 3, false) : null,
    h("p", { class: "label-status", id: first ? "label-status" : null, "aria-live": "polite" }),
  ]);
  const label = part.label;
  // Waiting for review (or in store): say what happens next, nothing to poll.
  if (!label || !LABELLED.has(ret.status)) {
    $(".label-status", block).textContent = nextStep(ret);
    return block;
  }
  if (label.status !== "pending") {
    showLabel(block, label, ret, first);
    return block;
  }
  $(".label-status", block).textContent = t("label_pending");
  pollLabel(label.poll_url).then(
    (result) => showLabel(block, result, ret, first),
    () => {
      $(".label-status", block).textContent = t("label_failed");
    },
  );
  return block;
}

/** @param {Context} ctx */
export function enterDone(ctx) {
  const ret = /** @type {ReturnView} */ (ctx.created);
  $("#rma").textContent = ret.rma_number;
  $("#parts").replaceChildren(
    ...(ret.shipments.length
      ? ret.shipments.map((part, i) => renderLabelBlock(ret, part, i))
      : [h("p", { id: "label-status", class: "label-status", text: nextStep(ret) })]),
  );
}
