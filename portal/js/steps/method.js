// Step 3: how the parcel goes back. Drop-off and label-less returns need a
// service point: the nearest ones around the delivery address are listed,
// nearest first, with their opening hours.

import { $, h, clearError, showError, setFieldError, clearFieldErrors, focusFirstInvalid } from "../dom.js";
import { t, carrierName, formatDistance, formatList } from "../i18n.js";

/** @typedef {import('../types.js').ServicePointView} ServicePointView */
/** @typedef {import('../types.js').PortalReturnMethod} PortalReturnMethod */
/** @typedef {import('../types.js').ReturnMethodType} ReturnMethodType */
/** @typedef {import('../types.js').MethodRequest} MethodRequest */
/** @typedef {import('../main.js').Context} Context */

/** Points found per kind (label-less points are a subset), per lookup. */
/** @type {Map<ReturnMethodType, ServicePointView[]>} */
let pointCache = new Map();
/** Only the latest search may fill the list when the customer switches fast. */
let searchId = 0;

function methodInputs() {
  return /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll("input[name=method]")]);
}

/** @param {Context} ctx */
function chosenMethod(ctx) {
  const input = methodInputs().find((i) => i.checked);
  return ctx.lookup?.return_methods.find((m) => m.type === input?.value) ?? null;
}

/** @param {Date} date */
function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** @param {ServicePointView} point */
function renderHours(point) {
  const days = [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const slots = point.formatted_opening_times[String(day)] ?? [];
    return [h("dt", { text: t(`weekday_${day}`) }), h("dd", { text: slots.length ? slots.join(", ") : t("closed") })];
  });
  return h("details", { class: "hours" }, [h("summary", { text: t("opening_hours") }), h("dl", {}, days.flat())]);
}

/**
 * @param {ServicePointView} point
 * @param {number} index
 */
function renderPoint(point, index) {
  const id = `service-point-${index}`;
  const street = [point.street, point.house_number].filter(Boolean).join(" ");
  const meta = [carrierName(point.carrier), t("distance", { distance: formatDistance(point.distance) })];
  return h("li", { class: "service-point" }, [
    h("input", { type: "radio", name: "service_point", value: point.id, id, checked: index === 0 }),
    h("label", { for: id }, [
      h("span", { class: "sp-name", text: point.name }),
      h("span", { class: "sp-address", text: `${street}, ${point.postal_code} ${point.city}` }),
      h("span", { class: "sp-meta", text: meta.join(" · ") }),
      point.open_tomorrow ? h("span", { class: "sp-open", text: t("open_tomorrow") }) : null,
    ]),
    renderHours(point),
  ]);
}

/**
 * Finds points near the delivery address; without coordinates, the nearest
 * point the lookup already suggested is all there is.
 * @param {Context} ctx
 * @param {boolean} labelless
 * @returns {Promise<ServicePointView[]>}
 */
async function findPoints(ctx, labelless) {
  const lookup = /** @type {import('../types.js').LookupResponse} */ (ctx.lookup);
  const destination = (lookup.parcel ?? lookup.parcels[0])?.destination;
  if (destination && destination.latitude != null && destination.longitude != null) {
    const { data } = await ctx.api.servicePoints({
      country: destination.country,
      latitude: destination.latitude,
      longitude: destination.longitude,
      labelless,
    });
    return data;
  }
  const suggested = labelless ? lookup.labelless_service_point : lookup.service_point;
  return suggested ? [suggested] : [];
}

/**
 * @param {Context} ctx
 * @param {PortalReturnMethod} method
 */
async function showPoints(ctx, method) {
  const list = $("#service-points");
  const status = $("#service-points-status");
  const id = ++searchId;
  let points = pointCache.get(method.type);
  // Coming back to the step: keep the list and the customer's choice in it.
  if (points && list.dataset.kind === method.type) return;
  if (!points) {
    list.replaceChildren();
    status.textContent = t("service_points_loading");
    try {
      points = await findPoints(ctx, method.type === "labelless");
    } catch (error) {
      if (id === searchId) {
        status.textContent = "";
        showError(error);
      }
      return;
    }
    pointCache.set(method.type, points);
  }
  if (id !== searchId) return;
  status.textContent = points.length ? "" : t("service_points_none");
  list.dataset.kind = method.type;
  list.replaceChildren(...points.map(renderPoint));
}

/**
 * Shows what the chosen method needs: a pickup date or a service point.
 * @param {Context} ctx
 */
function fitMethod(ctx) {
  const method = chosenMethod(ctx);
  const needsPoint = method?.type === "drop_off" || method?.type === "labelless";
  $("#pickup-field").hidden = method?.type !== "pickup";
  $("#service-points-field").hidden = !needsPoint;
  clearFieldErrors($("#method-form"));
  if (method && needsPoint) showPoints(ctx, method);
  else searchId++;
}

/**
 * Renders the methods this order may use (after each lookup).
 * @param {Context} ctx
 */
export function renderMethods(ctx) {
  const methods = ctx.lookup?.return_methods ?? [];
  pointCache = new Map();
  $("#service-points").replaceChildren();
  delete $("#service-points").dataset.kind;
  $("#methods").replaceChildren(
    ...methods.map((method, i) => {
      const id = `method-${method.type}`;
      const carriers = method.carriers.map(carrierName);
      return h("div", { class: "choice" }, [
        h("input", { type: "radio", name: "method", value: method.type, id, checked: i === 0 }),
        h("label", { for: id }, [
          h("span", { text: t(`method_${method.type}`) }),
          carriers.length ? h("span", { class: "hint", text: t("method_carriers", { carriers: formatList(carriers) }) }) : null,
        ]),
      ]);
    }),
  );
  const pickup = methods.find((m) => m.type === "pickup");
  const date = /** @type {HTMLInputElement} */ ($("#pickup-date"));
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  date.min = isoDate(tomorrow);
  date.value = "";
  if (pickup?.max_pickup_days) {
    const last = new Date();
    last.setDate(last.getDate() + pickup.max_pickup_days);
    date.max = isoDate(last);
  }
  for (const input of methodInputs()) input.addEventListener("change", () => fitMethod(ctx));
  // Service points load when the step is shown, not during the lookup.
  $("#pickup-field").hidden = true;
  $("#service-points-field").hidden = true;
}

/**
 * Call whenever the step is shown, so the chosen method's points load.
 * @param {Context} ctx
 */
export function enterMethod(ctx) {
  fitMethod(ctx);
}

/** @param {Context} ctx */
export function setupMethod(ctx) {
  const form = /** @type {HTMLFormElement} */ ($("#method-form"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearError();
    clearFieldErrors(form);
    const method = chosenMethod(ctx);
    if (!method) return;
    /** @type {MethodRequest} */
    const request = { type: method.type };
    if (method.type === "drop_off" || method.type === "labelless") {
      const checked = /** @type {HTMLInputElement | null} */ (form.querySelector("input[name=service_point]:checked"));
      const point = pointCache.get(method.type)?.find((p) => p.id === checked?.value);
      request.service_point_id = point?.id ?? null;
      request.carrier = point?.carrier ?? method.carriers[0] ?? null;
    } else if (method.type === "pickup") {
      const date = /** @type {HTMLInputElement} */ ($("#pickup-date"));
      if (!date.value) {
        setFieldError(date, t("field_required"));
        focusFirstInvalid(form);
        return;
      }
      request.pickup_date = date.value;
      request.carrier = method.carriers[0] ?? null;
    }
    ctx.method = request;
    ctx.go("resolution");
  });
}
