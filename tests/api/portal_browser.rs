//! The reference portal in a real headless Chromium, as a customer has it:
//! the demo brand's journey from lookup to a printable label, label-less
//! drop-off with its QR code, a lookup that finds nothing, a return split
//! between the shop and a vendor, the whole journey by keyboard alone, and
//! embedding in a storefront's page. Screenshots of each step are kept
//! under `target/tmp/browser/`.

use fantoccini::key::Key;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::browser::Browser;
use crate::helpers::TestApp;

/// Seeds the demo brand and waits until the node has indexed its service
/// points (lookup then names the nearest); returns the demo's keys.
async fn demo(app: &TestApp) -> returns_api::demo::Seeded {
    let seeded = returns_api::demo::seed(&app.state).await.unwrap();
    let started = std::time::Instant::now();
    loop {
        let res = app
            .post(
                "/v1/portal/demo/lookup",
                None,
                &json!({ "identifier": "1001", "postal_code": "1012 AB" }),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        if !res.json::<Value>().await.unwrap()["service_point"].is_null() {
            return seeded;
        }
        assert!(
            started.elapsed().as_secs() < 10,
            "service points never indexed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

fn portal(app: &TestApp, locale: &str) -> String {
    format!("{}/portal/demo?locale={locale}", app.address)
}

/// A small PNG photo on disk, for the file input.
fn photo(dir: &std::path::Path) -> String {
    let path = dir.join("photo.png");
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, 2, 2);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[200u8; 12]).unwrap();
    }
    std::fs::write(&path, png).unwrap();
    path.display().to_string()
}

/// Looks order `number` up by postal code with the mouse.
async fn look_up(b: &Browser, number: &str, postal_code: &str) {
    b.visible("#identifier")
        .await
        .send_keys(number)
        .await
        .unwrap();
    if b.exists("#lookup-method").await {
        b.visible("#lookup-method")
            .await
            .select_by_value("postal_code")
            .await
            .unwrap();
    }
    b.visible("#verifier")
        .await
        .send_keys(postal_code)
        .await
        .unwrap();
    b.visible("#lookup-submit").await.click().await.unwrap();
}

/// Chooses `qty` … of line `line` for `reason`.
async fn pick(b: &Browser, line: &str, reason: &str) {
    let at = |css: &str| format!("fieldset[data-line='{line}'] {css}");
    b.visible(&at("input[name=select]"))
        .await
        .click()
        .await
        .unwrap();
    b.visible(&at("select[name=reason]"))
        .await
        .select_by_value(reason)
        .await
        .unwrap();
}

async fn choose(b: &Browser, css: &str) {
    let e = b.visible(css).await;
    if !e.is_selected().await.unwrap() {
        e.click().await.unwrap();
    }
}

/// The page needs no horizontal scrolling at the window's width.
async fn fits(b: &Browser) {
    let widths = b
        .client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth]",
            vec![],
        )
        .await
        .unwrap();
    let (page, window) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    assert!(
        page <= window,
        "the page is {page} px wide in a {window} px window"
    );
}

/// The merchant's view of the demo order's returns.
async fn returns_of(app: &TestApp, key: &str, order: &str) -> Vec<Value> {
    let res = app
        .get(
            &format!("/v1/brands/demo/returns?order_number={order}"),
            Some(key),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["data"]
        .as_array()
        .unwrap()
        .clone()
}

/// The label link of the confirmation answers with a PDF.
async fn assert_pdf(app: &TestApp, href: &str) {
    let res = app.client.get(href).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{href}");
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF"));
}

both!(
    async fn a_customer_returns_an_item_with_a_photo_at_a_service_point_and_downloads_the_label(app) {
        let seeded = demo(&app).await;
        let Some(mut b) = Browser::start("journey").await else { return };
        b.goto(&portal(&app, "en")).await;
        b.visible("#identifier").await;
        b.shot("lookup").await;
        look_up(&b, "1001", "1012 AB").await;

        b.visible("section[data-step=items]").await;
        // The gift card cannot be returned and says why.
        assert!(!b.exists("fieldset[data-line='L2'] input[name=select]").await);
        let why = b.text("fieldset[data-line='L2'] .not-returnable-reason").await;
        assert!(!why.is_empty() && !why.contains('_'), "a readable reason: {why:?}");
        pick(&b, "L1", "wrong_item").await;
        let dir = tempfile::tempdir().unwrap();
        b.visible("fieldset[data-line='L1'] input[name=photos]").await.send_keys(&photo(dir.path())).await.unwrap();
        b.text_of("fieldset[data-line='L1']", "photo.png").await;
        b.shot("items-with-photo").await;
        b.visible("#items-next").await.click().await.unwrap();

        b.visible("section[data-step=method]").await;
        choose(&b, "input[name=method][value=drop_off]").await;
        b.visible("#service-points input[name=service_point]").await;
        assert!(b.client.find(fantoccini::Locator::Css("#service-points input[name=service_point]")).await.unwrap().is_selected().await.unwrap(), "the nearest point is chosen");
        b.shot("service-points").await;
        b.visible("#method-next").await.click().await.unwrap();

        b.visible("section[data-step=resolution]").await;
        choose(&b, "input[name=resolution][value=refund]").await;
        b.text_of("#preview", "€").await;
        b.shot("resolution").await;
        // A double click creates one return.
        let submit = b.visible("#submit-return").await;
        submit.click().await.unwrap();
        let _ = submit.click().await;

        b.visible("section[data-step=done]").await;
        let rma = b.visible("#rma").await.text().await.unwrap();
        assert!(rma.starts_with("RET-"), "{rma}");
        let link = b.visible("#label-pdf").await;
        b.shot("label-ready").await;
        assert_pdf(&app, &link.prop("href").await.unwrap().unwrap()).await;
        let created = returns_of(&app, &seeded.merchant_key, "1001").await;
        assert_eq!(created.len(), 1, "one return for a double click");
        assert_eq!(created[0]["rma_number"], rma.as_str());
    }
);

both!(
    async fn a_label_less_return_shows_the_qr_code_to_show_at_the_drop_off_point(app) {
        demo(&app).await;
        let Some(mut b) = Browser::start("labelless").await else { return };
        b.goto(&portal(&app, "en")).await;
        look_up(&b, "1004", "1012 AB").await;
        pick(&b, "L1", "too_small").await;
        b.shot("items").await;
        b.visible("#items-next").await.click().await.unwrap();
        choose(&b, "input[name=method][value=labelless]").await;
        b.visible("#service-points input[name=service_point]").await;
        b.shot("labelless-points").await;
        b.visible("#method-next").await.click().await.unwrap();
        choose(&b, "input[name=resolution][value=refund]").await;
        b.visible("#submit-return").await.click().await.unwrap();
        let qr = b.visible("#label-qr").await;
        let loaded = b
            .client
            .execute("return document.querySelector('#label-qr').naturalWidth", vec![])
            .await
            .unwrap();
        b.shot("qr-code").await;
        let src = qr.prop("src").await.unwrap().unwrap();
        let res = app.client.get(&src).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("image/"));
        assert!(loaded.as_u64().unwrap_or(0) > 0 || b.text("#label-status").await.contains('.'), "the QR image rendered");
    }
);

both!(
    async fn a_wrong_postal_code_shows_the_brands_not_found_message_in_the_customers_language(app) {
        demo(&app).await;
        let Some(mut b) = Browser::start("not-found").await else { return };
        b.goto(&portal(&app, "nl")).await;
        assert_eq!(b.visible("html").await.attr("lang").await.unwrap().as_deref(), Some("nl"));
        look_up(&b, "1001", "9999 ZZ").await;
        b.text_of("#error", "We konden geen bestelling met deze gegevens vinden.").await;
        assert!(!b.text("#error").await.contains("order_not_found"));
        b.shot("not-found").await;
        assert!(b.exists("section[data-step=lookup]").await);
    }
);

both!(
    async fn a_return_of_a_shop_item_and_a_vendor_item_shows_each_part_and_the_vendors_instructions_once_it_approved(app) {
        let seeded = demo(&app).await;
        let Some(mut b) = Browser::start("vendor-parts").await else { return };
        b.goto(&portal(&app, "en")).await;
        look_up(&b, "1001", "1012 AB").await;
        pick(&b, "L1", "too_small").await;
        pick(&b, "L3", "too_small").await;
        b.visible("#items-next").await.click().await.unwrap();
        choose(&b, "input[name=method][value=drop_off]").await;
        b.visible("#service-points input[name=service_point]").await;
        b.visible("#method-next").await.click().await.unwrap();
        choose(&b, "input[name=resolution][value=refund]").await;
        b.visible("#submit-return").await.click().await.unwrap();
        b.visible("section[data-step=done]").await;
        b.shot("created").await;

        // The vendor approves its part; a later visit shows both parts,
        // the vendor's address and instructions, and the timeline.
        let id = returns_of(&app, &seeded.merchant_key, "1001").await[0]["id"].as_str().unwrap().to_string();
        let res = app
            .post(&format!("/v1/brands/demo/vendor/returns/{id}/approve"), Some(&seeded.vendor_key), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        b.goto(&portal(&app, "en")).await;
        look_up(&b, "1001", "1012 AB").await;
        let parts = b.text_of("#returns", "Fold the sweater and keep its tags on.").await;
        assert!(parts.contains("Nordic Knits") && parts.contains("Hamburg"), "{parts}");
        let n = b.client.find_all(fantoccini::Locator::Css("#returns .part")).await.unwrap().len();
        assert_eq!(n, 2, "{parts}");
        assert!(b.exists("#returns .timeline li").await);
        b.shot("later-visit").await;
    }
);

both!(
    async fn the_whole_journey_can_be_done_with_the_keyboard_alone(app) {
        let seeded = demo(&app).await;
        let Some(mut b) = Browser::start("keyboard").await else { return };
        // On a phone's width.
        b.client.set_window_size(360, 800).await.unwrap();
        b.goto(&portal(&app, "en")).await;
        b.tab_to("#identifier").await;
        b.type_keys("1005").await;
        if b.exists("#lookup-method").await {
            // The first method is the postal code.
            b.tab_to("#lookup-method").await;
        }
        b.tab_to("#verifier").await;
        b.type_keys("1012 AB").await;
        b.press(Key::Enter).await;

        // Focus moves to the step's heading.
        b.visible("section[data-step=items]").await;
        let heading = b.focused().await;
        assert_eq!(heading.tag_name().await.unwrap(), "h2", "focus on the items step's heading");
        b.tab_to("fieldset[data-line='L1'] input[name=select]").await;
        b.press(Key::Space).await;
        b.tab_to("fieldset[data-line='L1'] select[name=reason]").await;
        // A select takes the first letters of an option's label.
        b.type_keys("Too s").await;
        b.shot("keyboard-items").await;
        fits(&b).await;
        b.tab_to("#items-next").await;
        b.press(Key::Enter).await;

        b.visible("section[data-step=method]").await;
        b.tab_to("input[name=method]").await;
        b.press(Key::Space).await;
        b.visible("#service-points input[name=service_point]").await;
        b.tab_to("#method-next").await;
        b.press(Key::Enter).await;

        b.visible("section[data-step=resolution]").await;
        b.tab_to("input[name=resolution]").await;
        b.press(Key::Space).await;
        b.tab_to("#submit-return").await;
        fits(&b).await;
        b.shot("keyboard-resolution").await;
        b.press(Key::Enter).await;

        b.visible("section[data-step=done]").await;
        b.visible("#label-status").await;
        fits(&b).await;
        b.shot("keyboard-done").await;
        let created = returns_of(&app, &seeded.merchant_key, "1005").await;
        assert_eq!(created.len(), 1);
        assert_eq!(created[0]["items"][0]["reason_code"], "too_small");
    }
);

/// A storefront's page at an origin of its own that frames `src` and sizes
/// the frame to the height the portal reports (the README's snippet);
/// returns the origin.
async fn storefront(src: String, api: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><title>Shop</title></head><body><h1>Shop</h1>\
         <iframe id=\"returns\" title=\"Returns\" src=\"{src}\" width=\"420\" height=\"700\"></iframe>\
         <script>addEventListener('message', (e) => {{ \
           if (e.origin === '{api}' && e.data && e.data.type === 'returns-portal:height') \
             document.getElementById('returns').style.height = e.data.height + 'px'; }});</script>\
         </body></html>"
    );
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let html = html.clone();
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{html}",
                    html.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    origin
}

both!(
    async fn a_storefront_on_an_allowed_origin_embeds_the_portal_and_another_origins_frame_stays_empty(app) {
        let seeded = demo(&app).await;
        let allowed = storefront(portal(&app, "en"), &app.address).await;
        let other = storefront(portal(&app, "en"), &app.address).await;
        let res = app
            .request(reqwest::Method::PATCH, "/v1/brands/demo", Some(&seeded.merchant_key))
            .json(&json!({ "allowed_origins": [allowed] }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        let Some(mut b) = Browser::start("embedding").await else { return };

        b.goto(&allowed).await;
        b.visible("iframe").await;
        b.client.enter_frame(0).await.unwrap();
        b.visible("#identifier").await;
        b.client.enter_parent_frame().await.unwrap();
        // The page sized the frame to the height the portal reported.
        let started = std::time::Instant::now();
        loop {
            let height = b.client.execute("return document.getElementById('returns').style.height", vec![]).await.unwrap();
            let px = height.as_str().unwrap_or_default().trim_end_matches("px").parse::<u32>().unwrap_or(0);
            if px > 300 && px != 700 {
                break;
            }
            assert!(started.elapsed() < crate::browser::STEP, "the frame was never sized: {height}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        b.shot("allowed-origin").await;

        b.goto(&other).await;
        b.visible("iframe").await;
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        b.client.enter_frame(0).await.unwrap();
        assert!(!b.exists("#identifier").await, "the browser refused to frame it");
        let framed = b.client.execute("return document.URL", vec![]).await.unwrap();
        assert!(!framed.as_str().unwrap_or_default().contains("/portal/demo"), "{framed}");
        b.client.enter_parent_frame().await.unwrap();
        b.shot("other-origin").await;
    }
);
