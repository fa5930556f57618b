// The portal's own texts in English, Dutch and German. A brand's `strings`
// from the portal settings override keys of the same name (portal_title,
// lookup_intro, …), so merchants can reword the journey without forking it.
// Placeholders are written `{name}`.

/** @type {Record<string, Record<string, string>>} */
const MESSAGES = {
  en: {
    loading: "Loading…",
    portal_title: "Return an item",
    lookup_title: "Find your order",
    lookup_intro: "Find your order to start a return.",
    identifier_label: "Order number or tracking number",
    lookup_method_label: "Verify with",
    postal_code_label: "Postal code",
    email_label: "Email address",
    phone_label: "Phone number",
    lookup_submit: "Find my order",
    order_not_found: "We could not find an order with these details.",
    field_required: "Please fill this in.",
    back: "Back",
    continue: "Continue",
    start_again: "Start again",
    policy_link: "Returns policy",

    existing_returns: "Your returns for this order",
    rma_label: "Return number",
    return_created: "Requested on {date}",
    part_title: "Parcel {number}",
    part_vendor: "Sent to {vendor}",
    return_address: "Return address",
    instructions: "Instructions",
    timeline_title: "Progress",

    select_items: "Which items do you want to return?",
    order_summary: "Order {number}, placed on {date}",
    ordered_quantity: "Ordered: {quantity}",
    return_deadline: "Return by {date}",
    select_line: "Return this item",
    quantity_label: "Quantity",
    reason_label: "Reason",
    choose_reason: "Choose a reason",
    comment_label: "Comment",
    condition_label: "Condition",
    choose_condition: "Choose a condition",
    photos_label: "Photos",
    photos_hint: "JPEG, PNG or WebP, up to 5 MB each. At least {count}.",
    upload_progress: "Uploading {name}…",
    upload_done: "{name} uploaded",
    upload_failed: "{name}: {message}",
    remove_photo: "Remove {name}",
    not_returnable: "This item cannot be returned",
    nr_unfulfilled: "This item has not been shipped yet",
    nr_not_delivered: "This item has not been delivered yet",
    nr_return_window_expired: "The return period for this item has ended",
    nr_already_returned: "This item has already been returned",
    select_one: "Select at least one item to return.",
    reason_required: "Choose a reason.",
    uploads_pending: "Please wait until your photos are uploaded.",

    return_method_title: "How do you want to send it back?",
    method_legend: "Return method",
    method_drop_off: "Drop off with a printed label",
    method_labelless: "Drop off without a label, with a QR code",
    method_pickup: "Pickup at your address",
    method_in_store: "Bring it to a store",
    method_carriers: "With {carriers}",
    pickup_date_label: "Pickup date",
    service_points_legend: "Drop-off point",
    service_points_loading: "Looking for drop-off points nearby…",
    service_points_none: "No drop-off points found nearby. You can use any drop-off point of the carrier.",
    distance: "{distance} away",
    open_tomorrow: "Open tomorrow",
    opening_hours: "Opening hours",
    closed: "Closed",
    weekday_0: "Monday",
    weekday_1: "Tuesday",
    weekday_2: "Wednesday",
    weekday_3: "Thursday",
    weekday_4: "Friday",
    weekday_5: "Saturday",
    weekday_6: "Sunday",

    resolution_title: "What would you like in return?",
    resolution_legend: "Your choice",
    resolution_refund: "Refund to your original payment method",
    resolution_store_credit: "Store credit",
    store_credit_bonus: "{percent}% extra value",
    resolution_exchange: "Exchange for another size or colour",
    exchange_variant_label: "New variant of {name}",
    exchange_none: "No other variants are in stock.",
    exchange_note: "Items you do not exchange are refunded.",
    price_same: "same price",
    price_more: "{amount} more",
    price_less: "{amount} less",
    preview_title: "Summary",
    preview_loading: "Calculating…",
    preview_fee: "Return fee",
    preview_refund: "Estimated refund",
    preview_store_credit: "Store credit",
    preview_payment_due: "To pay for the exchange",
    preview_auto: "Your return is approved at once and you get a label right away.",
    preview_review: "We review your return before you send it.",
    submit_return: "Confirm return",
    submitting: "Confirming…",

    confirmation_title: "Your return is registered",
    review_note: "We will review your return and email you when it is approved.",
    payment_note: "Your return continues once the price difference is paid.",
    in_store_note: "Bring the items and your return number to one of our stores.",
    label_pending: "Your label is being prepared…",
    label_ready: "Your label is ready",
    label_failed: "We could not create your label. Please contact us.",
    label_cancelled: "This label was cancelled.",
    label_pdf: "Download label (PDF)",
    label_qr_link: "Show the QR code",
    label_qr_alt: "QR code for {rma}: show it at the drop-off point",
    label_qr_intro: "Show this QR code at the drop-off point; they print the label for you.",
    tracking_number: "Tracking number: {number}",
    dropoff_code: "Drop-off code: {code}",
    new_return: "Return other items",

    status_payment_required: "Payment required",
    status_requested: "Waiting for review",
    status_awaiting_vendor: "Waiting for the seller",
    status_approved: "Approved",
    status_rejected: "Rejected",
    status_in_transit: "On its way",
    status_delivered: "Delivered",
    status_partially_received: "Partly received",
    status_received: "Received",
    status_completed: "Completed",
    status_cancelled: "Cancelled",

    event_return_requested: "Return requested",
    event_return_payment_required: "Waiting for payment",
    event_return_payment_received: "Payment received",
    event_return_approved: "Return approved",
    event_return_rejected: "Return rejected",
    event_return_cancelled: "Return cancelled",
    event_label_ready: "Label ready",
    event_label_failed: "Label could not be created",
    event_return_in_transit: "Parcel on its way",
    event_return_delivered: "Parcel delivered",
    event_return_received: "Return received",
    event_return_completed: "Return completed",
    event_return_part_awaiting_vendor: "Waiting for the seller",
    event_return_vendor_approved: "Approved by the seller",
    event_return_vendor_rejected: "Rejected by the seller",
    event_return_part_in_transit: "Parcel on its way",
    event_return_part_received: "Parcel received",
    event_return_part_completed: "Parcel completed",
    event_return_part_cancelled: "Parcel cancelled",
    event_exchange_requested: "Exchange requested",
    event_exchange_ordered: "Exchange ordered",
    event_store_credit_issued: "Store credit issued",
    event_other: "Updated",

    error_generic: "Something went wrong. Please try again.",
    error_network: "We cannot reach the server. Check your connection and try again.",
    error_unavailable: "The service is temporarily unavailable. Please try again later.",
    error_session_expired: "Your session has expired. Please start again.",
    error_brand_not_found: "This returns portal does not exist.",
    error_rate_limited: "Too many attempts. Please try again in {minutes} minutes.",
    error_lookup_method_not_allowed: "This shop does not accept that way of finding your order.",
    error_comment_required: "Please add a comment.",
    error_images_required: "Please add at least {count} photo(s).",
    error_condition_required: "Please choose the item's condition.",
    error_quantity_exceeds_returnable: "You cannot return that many of this item.",
    error_quantity_conflict: "Some of these items have just been returned already. Please start again.",
    error_not_returnable: "This item cannot be returned.",
    error_file_too_large: "This photo is larger than 5 MB.",
    error_unsupported_media_type: "Please choose a JPEG, PNG or WebP image.",
    error_too_many_uploads: "You have uploaded the maximum number of photos.",
    error_out_of_stock: "The variant you chose has just sold out. Please choose another.",
    error_validation_failed: "Please check the highlighted fields.",
    error_invalid_value: "Please check this value.",
    error_invalid_postal_code: "Please enter a valid postal code.",
    error_invalid_email: "Please enter a valid email address.",
    error_invalid_phone: "Please enter a valid phone number.",
    error_pickup_date_invalid: "Please choose another pickup date.",
    error_label_failed: "We could not create your label. Please contact us.",
  },

  nl: {
    loading: "Laden…",
    portal_title: "Artikel retourneren",
    lookup_title: "Je bestelling zoeken",
    lookup_intro: "Zoek je bestelling op om een retour te starten.",
    identifier_label: "Bestelnummer of trackingnummer",
    lookup_method_label: "Controleren met",
    postal_code_label: "Postcode",
    email_label: "E-mailadres",
    phone_label: "Telefoonnummer",
    lookup_submit: "Zoek mijn bestelling",
    order_not_found: "We konden geen bestelling met deze gegevens vinden.",
    field_required: "Vul dit veld in.",
    back: "Terug",
    continue: "Verder",
    start_again: "Opnieuw beginnen",
    policy_link: "Retourbeleid",

    existing_returns: "Je retouren voor deze bestelling",
    rma_label: "Retournummer",
    return_created: "Aangemeld op {date}",
    part_title: "Pakket {number}",
    part_vendor: "Naar {vendor}",
    return_address: "Retouradres",
    instructions: "Instructies",
    timeline_title: "Voortgang",

    select_items: "Welke artikelen wil je retourneren?",
    order_summary: "Bestelling {number}, geplaatst op {date}",
    ordered_quantity: "Besteld: {quantity}",
    return_deadline: "Retourneren vóór {date}",
    select_line: "Dit artikel retourneren",
    quantity_label: "Aantal",
    reason_label: "Reden",
    choose_reason: "Kies een reden",
    comment_label: "Toelichting",
    condition_label: "Staat",
    choose_condition: "Kies de staat",
    photos_label: "Foto's",
    photos_hint: "JPEG, PNG of WebP, maximaal 5 MB per foto. Minstens {count}.",
    upload_progress: "{name} uploaden…",
    upload_done: "{name} geüpload",
    upload_failed: "{name}: {message}",
    remove_photo: "{name} verwijderen",
    not_returnable: "Dit artikel kan niet worden geretourneerd",
    nr_unfulfilled: "Dit artikel is nog niet verzonden",
    nr_not_delivered: "Dit artikel is nog niet bezorgd",
    nr_return_window_expired: "De retourtermijn van dit artikel is verlopen",
    nr_already_returned: "Dit artikel is al geretourneerd",
    select_one: "Kies minstens één artikel om te retourneren.",
    reason_required: "Kies een reden.",
    uploads_pending: "Wacht tot je foto's zijn geüpload.",

    return_method_title: "Hoe wil je het terugsturen?",
    method_legend: "Retourmethode",
    method_drop_off: "Afgeven met een geprint label",
    method_labelless: "Afgeven zonder label, met een QR-code",
    method_pickup: "Laten ophalen op je adres",
    method_in_store: "Terugbrengen naar een winkel",
    method_carriers: "Met {carriers}",
    pickup_date_label: "Ophaaldatum",
    service_points_legend: "Afgiftepunt",
    service_points_loading: "Afgiftepunten in de buurt zoeken…",
    service_points_none: "Geen afgiftepunten in de buurt gevonden. Je kunt elk afgiftepunt van de vervoerder gebruiken.",
    distance: "{distance} verderop",
    open_tomorrow: "Morgen open",
    opening_hours: "Openingstijden",
    closed: "Gesloten",
    weekday_0: "maandag",
    weekday_1: "dinsdag",
    weekday_2: "woensdag",
    weekday_3: "donderdag",
    weekday_4: "vrijdag",
    weekday_5: "zaterdag",
    weekday_6: "zondag",

    resolution_title: "Wat wil je ervoor terug?",
    resolution_legend: "Je keuze",
    resolution_refund: "Terugbetaling via je oorspronkelijke betaalmethode",
    resolution_store_credit: "Tegoed",
    store_credit_bonus: "{percent}% extra waarde",
    resolution_exchange: "Ruilen voor een andere maat of kleur",
    exchange_variant_label: "Nieuwe variant van {name}",
    exchange_none: "Er zijn geen andere varianten op voorraad.",
    exchange_note: "Artikelen die je niet ruilt, worden terugbetaald.",
    price_same: "zelfde prijs",
    price_more: "{amount} duurder",
    price_less: "{amount} goedkoper",
    preview_title: "Overzicht",
    preview_loading: "Berekenen…",
    preview_fee: "Retourkosten",
    preview_refund: "Verwachte terugbetaling",
    preview_store_credit: "Tegoed",
    preview_payment_due: "Bij te betalen voor de ruil",
    preview_auto: "Je retour wordt direct goedgekeurd en je krijgt meteen een label.",
    preview_review: "We beoordelen je retour voordat je het verstuurt.",
    submit_return: "Retour bevestigen",
    submitting: "Bevestigen…",

    confirmation_title: "Je retour is aangemeld",
    review_note: "We beoordelen je retour en mailen je zodra het is goedgekeurd.",
    payment_note: "Je retour gaat verder zodra het prijsverschil is betaald.",
    in_store_note: "Breng de artikelen en je retournummer naar een van onze winkels.",
    label_pending: "Je label wordt aangemaakt…",
    label_ready: "Je label is klaar",
    label_failed: "We konden je label niet aanmaken. Neem contact met ons op.",
    label_cancelled: "Dit label is geannuleerd.",
    label_pdf: "Label downloaden (pdf)",
    label_qr_link: "QR-code tonen",
    label_qr_alt: "QR-code voor {rma}: laat hem zien bij het afgiftepunt",
    label_qr_intro: "Laat deze QR-code zien bij het afgiftepunt; daar printen ze het label.",
    tracking_number: "Trackingnummer: {number}",
    dropoff_code: "Afgiftecode: {code}",
    new_return: "Andere artikelen retourneren",

    status_payment_required: "Betaling nodig",
    status_requested: "Wacht op beoordeling",
    status_awaiting_vendor: "Wacht op de verkoper",
    status_approved: "Goedgekeurd",
    status_rejected: "Afgewezen",
    status_in_transit: "Onderweg",
    status_delivered: "Bezorgd",
    status_partially_received: "Deels ontvangen",
    status_received: "Ontvangen",
    status_completed: "Afgerond",
    status_cancelled: "Geannuleerd",

    event_return_requested: "Retour aangemeld",
    event_return_payment_required: "Wacht op betaling",
    event_return_payment_received: "Betaling ontvangen",
    event_return_approved: "Retour goedgekeurd",
    event_return_rejected: "Retour afgewezen",
    event_return_cancelled: "Retour geannuleerd",
    event_label_ready: "Label klaar",
    event_label_failed: "Label kon niet worden aangemaakt",
    event_return_in_transit: "Pakket onderweg",
    event_return_delivered: "Pakket bezorgd",
    event_return_received: "Retour ontvangen",
    event_return_completed: "Retour afgerond",
    event_return_part_awaiting_vendor: "Wacht op de verkoper",
    event_return_vendor_approved: "Goedgekeurd door de verkoper",
    event_return_vendor_rejected: "Afgewezen door de verkoper",
    event_return_part_in_transit: "Pakket onderweg",
    event_return_part_received: "Pakket ontvangen",
    event_return_part_completed: "Pakket afgerond",
    event_return_part_cancelled: "Pakket geannuleerd",
    event_exchange_requested: "Ruil aangevraagd",
    event_exchange_ordered: "Ruilartikel besteld",
    event_store_credit_issued: "Tegoed uitgegeven",
    event_other: "Bijgewerkt",

    error_generic: "Er ging iets mis. Probeer het opnieuw.",
    error_network: "We kunnen de server niet bereiken. Controleer je verbinding en probeer het opnieuw.",
    error_unavailable: "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.",
    error_session_expired: "Je sessie is verlopen. Begin opnieuw.",
    error_brand_not_found: "Dit retourportaal bestaat niet.",
    error_rate_limited: "Te veel pogingen. Probeer het over {minutes} minuten opnieuw.",
    error_lookup_method_not_allowed: "Deze winkel accepteert deze manier van zoeken niet.",
    error_comment_required: "Voeg een toelichting toe.",
    error_images_required: "Voeg minstens {count} foto('s) toe.",
    error_condition_required: "Kies de staat van het artikel.",
    error_quantity_exceeds_returnable: "Je kunt niet zoveel van dit artikel retourneren.",
    error_quantity_conflict: "Een deel van deze artikelen is net al geretourneerd. Begin opnieuw.",
    error_not_returnable: "Dit artikel kan niet worden geretourneerd.",
    error_file_too_large: "Deze foto is groter dan 5 MB.",
    error_unsupported_media_type: "Kies een JPEG-, PNG- of WebP-afbeelding.",
    error_too_many_uploads: "Je hebt het maximale aantal foto's geüpload.",
    error_out_of_stock: "De gekozen variant is net uitverkocht. Kies een andere.",
    error_validation_failed: "Controleer de gemarkeerde velden.",
    error_invalid_value: "Controleer deze waarde.",
    error_invalid_postal_code: "Vul een geldige postcode in.",
    error_invalid_email: "Vul een geldig e-mailadres in.",
    error_invalid_phone: "Vul een geldig telefoonnummer in.",
    error_pickup_date_invalid: "Kies een andere ophaaldatum.",
    error_label_failed: "We konden je label niet aanmaken. Neem contact met ons op.",
  },

  de: {
    loading: "Wird geladen…",
    portal_title: "Artikel zurücksenden",
    lookup_title: "Bestellung finden",
    lookup_intro: "Finde deine Bestellung, um eine Rücksendung zu starten.",
    identifier_label: "Bestellnummer oder Sendungsnummer",
    lookup_method_label: "Bestätigen mit",
    postal_code_label: "Postleitzahl",
    email_label: "E-Mail-Adresse",
    phone_label: "Telefonnummer",
    lookup_submit: "Bestellung finden",
    order_not_found: "Wir konnten keine Bestellung mit diesen Angaben finden.",
    field_required: "Bitte fülle dieses Feld aus.",
    back: "Zurück",
    continue: "Weiter",
    start_again: "Neu beginnen",
    policy_link: "Rückgabebedingungen",

    existing_returns: "Deine Rücksendungen zu dieser Bestellung",
    rma_label: "Rücksendenummer",
    return_created: "Angemeldet am {date}",
    part_title: "Paket {number}",
    part_vendor: "An {vendor}",
    return_address: "Rücksendeadresse",
    instructions: "Hinweise",
    timeline_title: "Verlauf",

    select_items: "Welche Artikel möchtest du zurücksenden?",
    order_summary: "Bestellung {number} vom {date}",
    ordered_quantity: "Bestellt: {quantity}",
    return_deadline: "Rücksendung bis {date}",
    select_line: "Diesen Artikel zurücksenden",
    quantity_label: "Menge",
    reason_label: "Grund",
    choose_reason: "Grund wählen",
    comment_label: "Kommentar",
    condition_label: "Zustand",
    choose_condition: "Zustand wählen",
    photos_label: "Fotos",
    photos_hint: "JPEG, PNG oder WebP, höchstens 5 MB pro Foto. Mindestens {count}.",
    upload_progress: "{name} wird hochgeladen…",
    upload_done: "{name} hochgeladen",
    upload_failed: "{name}: {message}",
    remove_photo: "{name} entfernen",
    not_returnable: "Dieser Artikel kann nicht zurückgesendet werden",
    nr_unfulfilled: "Dieser Artikel wurde noch nicht versandt",
    nr_not_delivered: "Dieser Artikel wurde noch nicht zugestellt",
    nr_return_window_expired: "Die Rückgabefrist für diesen Artikel ist abgelaufen",
    nr_already_returned: "Dieser Artikel wurde bereits zurückgesendet",
    select_one: "Wähle mindestens einen Artikel aus.",
    reason_required: "Bitte wähle einen Grund.",
    uploads_pending: "Bitte warte, bis deine Fotos hochgeladen sind.",

    return_method_title: "Wie möchtest du es zurücksenden?",
    method_legend: "Rücksendeart",
    method_drop_off: "Abgabe mit gedrucktem Etikett",
    method_labelless: "Abgabe ohne Etikett, mit QR-Code",
    method_pickup: "Abholung an deiner Adresse",
    method_in_store: "Rückgabe im Geschäft",
    method_carriers: "Mit {carriers}",
    pickup_date_label: "Abholdatum",
    service_points_legend: "Abgabestelle",
    service_points_loading: "Abgabestellen in der Nähe werden gesucht…",
    service_points_none: "Keine Abgabestellen in der Nähe gefunden. Du kannst jede Abgabestelle des Versanddienstes nutzen.",
    distance: "{distance} entfernt",
    open_tomorrow: "Morgen geöffnet",
    opening_hours: "Öffnungszeiten",
    closed: "Geschlossen",
    weekday_0: "Montag",
    weekday_1: "Dienstag",
    weekday_2: "Mittwoch",
    weekday_3: "Donnerstag",
    weekday_4: "Freitag",
    weekday_5: "Samstag",
    weekday_6: "Sonntag",

    resolution_title: "Was möchtest du dafür?",
    resolution_legend: "Deine Wahl",
    resolution_refund: "Erstattung auf deine ursprüngliche Zahlungsart",
    resolution_store_credit: "Guthaben",
    store_credit_bonus: "{percent} % zusätzlicher Wert",
    resolution_exchange: "Umtausch in eine andere Größe oder Farbe",
    exchange_variant_label: "Neue Variante von {name}",
    exchange_none: "Keine anderen Varianten auf Lager.",
    exchange_note: "Artikel, die du nicht umtauschst, werden erstattet.",
    price_same: "gleicher Preis",
    price_more: "{amount} teurer",
    price_less: "{amount} günstiger",
    preview_title: "Übersicht",
    preview_loading: "Wird berechnet…",
    preview_fee: "Rücksendegebühr",
    preview_refund: "Voraussichtliche Erstattung",
    preview_store_credit: "Guthaben",
    preview_payment_due: "Zu zahlen für den Umtausch",
    preview_auto: "Deine Rücksendung wird sofort genehmigt und du erhältst gleich ein Etikett.",
    preview_review: "Wir prüfen deine Rücksendung, bevor du sie abschickst.",
    submit_return: "Rücksendung bestätigen",
    submitting: "Wird bestätigt…",

    confirmation_title: "Deine Rücksendung ist registriert",
    review_note: "Wir prüfen deine Rücksendung und schicken dir eine E-Mail, sobald sie genehmigt ist.",
    payment_note: "Deine Rücksendung geht weiter, sobald der Preisunterschied bezahlt ist.",
    in_store_note: "Bring die Artikel und deine Rücksendenummer in eines unserer Geschäfte.",
    label_pending: "Dein Etikett wird erstellt…",
    label_ready: "Dein Etikett ist fertig",
    label_failed: "Wir konnten dein Etikett nicht erstellen. Bitte kontaktiere uns.",
    label_cancelled: "Dieses Etikett wurde storniert.",
    label_pdf: "Etikett herunterladen (PDF)",
    label_qr_link: "QR-Code anzeigen",
    label_qr_alt: "QR-Code für {rma}: an der Abgabestelle vorzeigen",
    label_qr_intro: "Zeig diesen QR-Code an der Abgabestelle; dort wird das Etikett gedruckt.",
    tracking_number: "Sendungsnummer: {number}",
    dropoff_code: "Abgabecode: {code}",
    new_return: "Weitere Artikel zurücksenden",

    status_payment_required: "Zahlung erforderlich",
    status_requested: "Wird geprüft",
    status_awaiting_vendor: "Wartet auf den Verkäufer",
    status_approved: "Genehmigt",
    status_rejected: "Abgelehnt",
    status_in_transit: "Unterwegs",
    status_delivered: "Zugestellt",
    status_partially_received: "Teilweise erhalten",
    status_received: "Erhalten",
    status_completed: "Abgeschlossen",
    status_cancelled: "Storniert",

    event_return_requested: "Rücksendung angemeldet",
    event_return_payment_required: "Wartet auf Zahlung",
    event_return_payment_received: "Zahlung erhalten",
    event_return_approved: "Rücksendung genehmigt",
    event_return_rejected: "Rücksendung abgelehnt",
    event_return_cancelled: "Rücksendung storniert",
    event_label_ready: "Etikett fertig",
    event_label_failed: "Etikett konnte nicht erstellt werden",
    event_return_in_transit: "Paket unterwegs",
    event_return_delivered: "Paket zugestellt",
    event_return_received: "Rücksendung erhalten",
    event_return_completed: "Rücksendung abgeschlossen",
    event_return_part_awaiting_vendor: "Wartet auf den Verkäufer",
    event_return_vendor_approved: "Vom Verkäufer genehmigt",
    event_return_vendor_rejected: "Vom Verkäufer abgelehnt",
    event_return_part_in_transit: "Paket unterwegs",
    event_return_part_received: "Paket erhalten",
    event_return_part_completed: "Paket abgeschlossen",
    event_return_part_cancelled: "Paket storniert",
    event_exchange_requested: "Umtausch angefragt",
    event_exchange_ordered: "Umtauschartikel bestellt",
    event_store_credit_issued: "Guthaben ausgestellt",
    event_other: "Aktualisiert",

    error_generic: "Etwas ist schiefgelaufen. Bitte versuche es erneut.",
    error_network: "Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.",
    error_unavailable: "Der Dienst ist vorübergehend nicht verfügbar. Bitte versuche es später erneut.",
    error_session_expired: "Deine Sitzung ist abgelaufen. Bitte beginne neu.",
    error_brand_not_found: "Dieses Rücksendeportal gibt es nicht.",
    error_rate_limited: "Zu viele Versuche. Bitte versuche es in {minutes} Minuten erneut.",
    error_lookup_method_not_allowed: "Dieser Shop akzeptiert diese Art der Suche nicht.",
    error_comment_required: "Bitte füge einen Kommentar hinzu.",
    error_images_required: "Bitte füge mindestens {count} Foto(s) hinzu.",
    error_condition_required: "Bitte wähle den Zustand des Artikels.",
    error_quantity_exceeds_returnable: "So viele Exemplare dieses Artikels kannst du nicht zurücksenden.",
    error_quantity_conflict: "Einige dieser Artikel wurden gerade schon zurückgesendet. Bitte beginne neu.",
    error_not_returnable: "Dieser Artikel kann nicht zurückgesendet werden.",
    error_file_too_large: "Dieses Foto ist größer als 5 MB.",
    error_unsupported_media_type: "Bitte wähle ein JPEG-, PNG- oder WebP-Bild.",
    error_too_many_uploads: "Du hast die höchste Anzahl an Fotos hochgeladen.",
    error_out_of_stock: "Die gewählte Variante ist gerade ausverkauft. Bitte wähle eine andere.",
    error_validation_failed: "Bitte prüfe die markierten Felder.",
    error_invalid_value: "Bitte prüfe diesen Wert.",
    error_invalid_postal_code: "Bitte gib eine gültige Postleitzahl ein.",
    error_invalid_email: "Bitte gib eine gültige E-Mail-Adresse ein.",
    error_invalid_phone: "Bitte gib eine gültige Telefonnummer ein.",
    error_pickup_date_invalid: "Bitte wähle ein anderes Abholdatum.",
    error_label_failed: "Wir konnten dein Etikett nicht erstellen. Bitte kontaktiere uns.",
  },
};

let locale = "en";
/** @type {Record<string, string>} */
let overrides = {};

/**
 * Chooses the locale: `?locale=` if the brand supports it, else the first
 * of the browser's languages it supports (exactly or by language), else the
 * brand's default.
 * @param {string[]} supported the brand's locales
 * @param {string} fallback the brand's default locale
 * @param {string | null} requested `?locale=` from the page URL
 * @param {readonly string[]} preferred `navigator.languages`
 */
export function negotiateLocale(supported, fallback, requested, preferred) {
  const wanted = requested ? [requested, ...preferred] : preferred;
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    const match =
      supported.find((l) => l.toLowerCase() === lower) ??
      supported.find((l) => l.toLowerCase() === lower.split("-")[0]);
    if (match) return match;
  }
  return fallback;
}

/**
 * Sets the locale and the brand's texts for it.
 * @param {string} tag
 * @param {Record<string, string>} brandStrings
 */
export function setLocale(tag, brandStrings) {
  locale = tag;
  overrides = brandStrings;
  document.documentElement.lang = tag;
}

export function currentLocale() {
  return locale;
}

/** @param {string} key */
export function has(key) {
  const own = MESSAGES[locale.split("-")[0]] ?? MESSAGES.en;
  return key in overrides || key in own || key in MESSAGES.en;
}

/**
 * The text for `key` in the current locale, with `{placeholders}` filled in.
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function t(key, vars = {}) {
  const own = MESSAGES[locale.split("-")[0]] ?? MESSAGES.en;
  const text = overrides[key] ?? own[key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/**
 * Fills every `[data-i18n]` element under `root` with its text.
 * @param {ParentNode} root
 */
export function translate(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? "");
  }
}

/** @param {{ amount: number, currency: string }} money integer minor units */
export function formatMoney(money) {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/** @param {string} iso an RFC 3339 timestamp */
export function formatDate(iso) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

/** @param {string} iso */
export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** @param {number} metres */
export function formatDistance(metres) {
  return metres < 1000
    ? new Intl.NumberFormat(locale, { style: "unit", unit: "meter", maximumFractionDigits: 0 }).format(metres)
    : new Intl.NumberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: 1 }).format(metres / 1000);
}

/** @param {string} code ISO 3166-1 alpha-2 */
export function formatCountry(code) {
  return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
}

/** @param {string[]} items */
export function formatList(items) {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
}

/** Carriers' own spelling of their names; unknown codes are shown as given. */
const CARRIER_NAMES = { postnl: "PostNL", dhl: "DHL", dpd: "DPD", ups: "UPS", gls: "GLS", bpost: "bpost" };

/** @param {string} code */
export function carrierName(code) {
  return CARRIER_NAMES[/** @type {keyof typeof CARRIER_NAMES} */ (code)] ?? code;
}
