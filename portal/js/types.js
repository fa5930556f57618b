// The API's types, generated from openapi/openapi.json into
// ../types/api.d.ts, under short names for the JSDoc of the other modules.
// This module has no run-time content.

/** @typedef {import('../types/api').components['schemas']} Schemas */
/** @typedef {Schemas['PortalSettings']} PortalSettings */
/** @typedef {Schemas['PortalReason']} PortalReason */
/** @typedef {Schemas['PortalReturnMethod']} PortalReturnMethod */
/** @typedef {Schemas['LookupMethod']} LookupMethod */
/** @typedef {Schemas['LookupRequest']} LookupRequest */
/** @typedef {Schemas['LookupResponse']} LookupResponse */
/** @typedef {Schemas['LookupLine']} LookupLine */
/** @typedef {Schemas['ServicePointView']} ServicePointView */
/** @typedef {Schemas['ServicePointList']} ServicePointList */
/** @typedef {Schemas['Upload']} Upload */
/** @typedef {Schemas['ExchangeOptions']} ExchangeOptions */
/** @typedef {Schemas['Offer']} Offer */
/** @typedef {Schemas['CreateReturn']} CreateReturn */
/** @typedef {Schemas['ItemRequest']} ItemRequest */
/** @typedef {Schemas['MethodRequest']} MethodRequest */
/** @typedef {Schemas['ResolutionType']} ResolutionType */
/** @typedef {Schemas['ReturnMethodType']} ReturnMethodType */
/** @typedef {Schemas['Preview']} Preview */
/** @typedef {Schemas['ReturnView']} ReturnView */
/** @typedef {Schemas['ShipmentView']} ShipmentView */
/** @typedef {Schemas['CustomerReturns']} CustomerReturns */
/** @typedef {Schemas['LabelView']} LabelView */
/** @typedef {Schemas['LabelPoll']} LabelPoll */
/** @typedef {Schemas['Problem']} Problem */
/** @typedef {Schemas['FieldError']} FieldError */
/** @typedef {Schemas['Money']} Money */

export {};
