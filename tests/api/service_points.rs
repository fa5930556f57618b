//! Service points: import, search, index convergence, nearest point in lookup.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::fixtures::{lookup, order};
use crate::helpers::{TestApp, assert_problem, error_fields};

/// A point `metres_north` of Amsterdam Centraal (52.3791, 4.9003).
pub fn point(carrier: &str, code: &str, metres_north: f64, labelless: bool) -> Value {
    json!({
        "carrier": carrier, "code": code, "name": format!("Shop {code}"), "street": "Damrak",
        "house_number": "1", "postal_code": "1012 LG", "city": "Amsterdam", "country": "NL",
        "latitude": 52.3791 + metres_north / 111_195.0, "longitude": 4.9003,
        "phone": "+31201234567", "shop_type": "bookstore", "supports_labelless": labelless,
        "opening_hours": { "0": ["09:00-18:00"], "1": ["09:00-18:00"], "2": ["09:00-18:00"], "3": ["09:00-18:00"],
                           "4": ["09:00-12:00", "13:00-21:00"], "5": ["10:00-17:00"] }
    })
}

pub async fn import(app: &TestApp, points: &[Value], replace: bool) -> reqwest::Response {
    app.request(
        Method::POST,
        &format!("/v1/service-points/import?replace={replace}"),
        Some(&app.admin_key),
    )
    .json(&json!({ "service_points": points }))
    .send()
    .await
    .unwrap()
}

/// Brand `acme` with an order `1001` and a service-points token for it.
pub async fn token(app: &TestApp) -> String {
    let key = app.brand_with_key("acme").await;
    let res = app
        .post("/v1/brands/acme/orders", Some(&key), &order("1001"))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = app
        .post("/v1/portal/acme/lookup", None, &lookup("1001"))
        .await
        .json()
        .await
        .unwrap();
    body["service_points_token"].as_str().unwrap().to_string()
}

async fn search(app: &TestApp, token: &str, query: &str) -> reqwest::Response {
    app.get(
        &format!("/v1/portal/acme/service-points?{query}"),
        Some(token),
    )
    .await
}

const HERE: &str = "country=NL&latitude=52.3791&longitude=4.9003";

both!(
    async fn imported_points_are_found_nearest_first_with_their_details(app) {
        let token = token(&app).await;
        let res = import(&app, &[point("postnl", "P3", 900.0, false), point("postnl", "P1", 100.0, true), point("dhl", "D2", 400.0, false)], false).await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        let summary: Value = res.json().await.unwrap();
        assert_eq!((summary["created"].as_u64(), summary["updated"].as_u64()), (Some(3), Some(0)));

        let res = search(&app, &token, HERE).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        let codes: Vec<&str> = body["data"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
        assert_eq!(codes, vec!["P1", "D2", "P3"]);
        let p = &body["data"][0];
        assert!(p["id"].as_str().unwrap().starts_with("sp_"));
        assert_eq!(p["carrier"], "postnl");
        assert_eq!(p["name"], "Shop P1");
        assert_eq!((p["street"].as_str(), p["house_number"].as_str()), (Some("Damrak"), Some("1")));
        assert_eq!((p["postal_code"].as_str(), p["city"].as_str(), p["country"].as_str()), (Some("1012 LG"), Some("Amsterdam"), Some("NL")));
        assert_eq!(p["supports_labelless"], true);
        assert_eq!(p["shop_type"], "bookstore");
        assert_eq!(p["phone"], "+31201234567");
        let d = p["distance"].as_u64().unwrap();
        assert!((95..=105).contains(&d), "{d}");
        assert_eq!(p["formatted_opening_times"]["4"], json!(["09:00 - 12:00", "13:00 - 21:00"]));
        assert_eq!(p["formatted_opening_times"]["6"], json!([]));
        assert_eq!(p["open_upcoming_week"], true);
        assert!(p["open_tomorrow"].is_boolean());
    }
);

both!(
    async fn search_filters_by_carrier_label_less_radius_and_limit(app) {
        let token = token(&app).await;
        let res = import(&app, &[
            point("postnl", "P1", 100.0, true),
            point("postnl", "P2", 3000.0, false),
            point("dhl", "D1", 200.0, false),
            point("dhl", "D9", 9000.0, true),
            point("ups", "U1", 50.0, true), // not enabled for the brand
        ], false).await;
        assert_eq!(res.status(), StatusCode::OK);
        let codes = |body: &Value| body["data"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap().to_string()).collect::<Vec<_>>();

        let all: Value = search(&app, &token, HERE).await.json().await.unwrap();
        assert_eq!(codes(&all), vec!["P1", "D1", "P2"], "5 km default radius, only enabled carriers");
        let dhl: Value = search(&app, &token, &format!("{HERE}&carrier=dhl&radius=10000")).await.json().await.unwrap();
        assert_eq!(codes(&dhl), vec!["D1", "D9"]);
        let comma: Value = search(&app, &token, &format!("{HERE}&carrier=dhl,postnl")).await.json().await.unwrap();
        let repeated: Value = search(&app, &token, &format!("{HERE}&carrier=dhl&carrier=postnl")).await.json().await.unwrap();
        assert_eq!(codes(&repeated), codes(&comma), "a repeated carrier is the comma list");
        let small: Value = search(&app, &token, &format!("{HERE}&radius=150")).await.json().await.unwrap();
        assert_eq!(codes(&small), vec!["P1"]);
        let limited: Value = search(&app, &token, &format!("{HERE}&limit=2")).await.json().await.unwrap();
        assert_eq!(codes(&limited), vec!["P1", "D1"]);
        // Label-less searches the label-less method's carriers (postnl by default).
        let ll: Value = search(&app, &token, &format!("{HERE}&labelless=true&radius=50000")).await.json().await.unwrap();
        assert_eq!(codes(&ll), vec!["P1"]);
        let other_country: Value = search(&app, &token, "country=BE&latitude=52.3791&longitude=4.9003").await.json().await.unwrap();
        assert!(codes(&other_country).is_empty());
    }
);

both!(
    async fn bad_search_parameters_are_422_naming_the_parameter(app) {
        let token = token(&app).await;
        for (query, field) in [
            ("country=NL&latitude=52&longitude=4.9&radius=99", "radius"),
            ("country=NL&latitude=52&longitude=4.9&radius=50001", "radius"),
            ("country=NL&latitude=91&longitude=4.9", "latitude"),
            ("country=NL&latitude=52&longitude=-181", "longitude"),
            ("country=XX&latitude=52&longitude=4.9", "country"),
            ("latitude=52&longitude=4.9", "country"),
            ("country=NL&longitude=4.9", "latitude"),
            ("country=NL&latitude=abc&longitude=4.9", "latitude"),
            ("country=NL&latitude=52&longitude=4.9&limit=0", "limit"),
            ("country=NL&latitude=52&longitude=4.9&limit=101", "limit"),
            ("country=NL&latitude=52&longitude=4.9&carrier=ups", "carrier"),
            ("country=NL&latitude=52&longitude=4.9&labelless=maybe", "labelless"),
        ] {
            let res = search(&app, &token, query).await;
            let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(error_fields(&body), vec![field], "{query}");
        }
    }
);

both!(
    async fn the_access_token_and_missing_tokens_are_refused(app) {
        let sp = token(&app).await;
        let body: Value = app.post("/v1/portal/acme/lookup", None, &lookup("1001")).await.json().await.unwrap();
        let access = body["access_token"].as_str().unwrap();
        let res = search(&app, access, HERE).await;
        assert_problem(res, StatusCode::FORBIDDEN, "insufficient_scope").await;
        let res = app.get(&format!("/v1/portal/acme/service-points?{HERE}"), None).await;
        assert_problem(res, StatusCode::UNAUTHORIZED, "missing_credentials").await;
        assert_eq!(search(&app, &sp, HERE).await.status(), StatusCode::OK);
    }
);

both!(
    async fn a_bad_file_changes_nothing_and_names_row_and_field(app) {
        let _ = token(&app).await;
        let mut bad = point("postnl", "B2", 10.0, false);
        bad["latitude"] = json!(95.0);
        let mut bad_hours = point("postnl", "B3", 10.0, false);
        bad_hours["opening_hours"] = json!({ "9": ["09:00-18:00"] });
        let res = import(&app, &[point("postnl", "B1", 10.0, false), bad, bad_hours, point("postnl", "B1", 20.0, false)], false).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let fields = error_fields(&body);
        assert!(fields.contains(&"service_points[1].latitude".to_string()), "{fields:?}");
        assert!(fields.contains(&"service_points[3].code".to_string()), "{fields:?}");
        let count = app.db.read(|c| Ok(returns_api::db::service_points::count(c)?)).await.unwrap();
        assert_eq!(count, 0);

        let csv = "carrier,code,name,street,postal_code,city,country,latitude,longitude,supports_labelless,mon\n\
                   postnl,C1,Shop,Damrak,1012LG,Amsterdam,NL,52.37,4.90,true,09:00-18:00\n\
                   postnl,C2,Shop,Damrak,1012LG,Amsterdam,NL,north,4.90,true,09:00-18:00\n\
                   postnl,C3,Shop,Damrak,1012LG,Amsterdam,NL,52.37,4.90,perhaps,25:00-18:00\n";
        let res = app
            .request(Method::POST, "/v1/service-points/import", Some(&app.admin_key))
            .header("content-type", "text/csv")
            .body(csv)
            .send()
            .await
            .unwrap();
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let fields = error_fields(&body);
        assert!(fields.contains(&"rows[3].latitude".to_string()), "{fields:?}");
        assert!(fields.contains(&"rows[4].supports_labelless".to_string()), "{fields:?}");
        assert_eq!(app.db.read(|c| Ok(returns_api::db::service_points::count(c)?)).await.unwrap(), 0);
    }
);

both!(
    async fn csv_imports_upsert_and_replace_per_carrier(app) {
        let token = token(&app).await;
        let csv = |rows: &str| format!("carrier,code,name,street,postal_code,city,country,latitude,longitude,supports_labelless,house_number,mon,tue\n{rows}");
        let send = |body: String, replace: bool| {
            app.request(Method::POST, &format!("/v1/service-points/import?replace={replace}"), Some(&app.admin_key))
                .header("content-type", "text/csv")
                .body(body)
                .send()
        };
        let res = send(csv("postnl,A,Alpha,Damrak,1012LG,Amsterdam,NL,52.3800,4.9003,true,1,09:00-18:00,\n\
                            postnl,B,Bravo,Damrak,1012LG,Amsterdam,NL,52.3810,4.9003,false,2,09:00-12:00 13:00-18:00,\n\
                            dhl,C,Charlie,Damrak,1012LG,Amsterdam,NL,52.3820,4.9003,false,3,,\n"), false).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        // Upsert A under a new name; replace postnl: B disappears, dhl's C stays.
        let res = send(csv("postnl,A,Alpha 2,Damrak,1012LG,Amsterdam,NL,52.3800,4.9003,true,1,09:00-18:00,\n"), true).await.unwrap();
        let summary: Value = res.json().await.unwrap();
        assert_eq!((summary["created"].as_u64(), summary["updated"].as_u64(), summary["deactivated"].as_u64()), (Some(0), Some(1), Some(1)));
        let body: Value = search(&app, &token, HERE).await.json().await.unwrap();
        let names: Vec<&str> = body["data"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["Alpha 2", "Charlie"]);
        assert_eq!(body["data"][0]["formatted_opening_times"]["0"], json!(["09:00 - 18:00"]));
    }
);

both!(
    async fn only_admin_keys_import(app) {
        let key = app.brand_with_key("acme").await;
        let res = app
            .request(Method::POST, "/v1/service-points/import", Some(&key))
            .json(&json!([point("postnl", "X", 0.0, false)]))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::FORBIDDEN, "admin_required").await;
        let res = app
            .request(Method::POST, "/v1/service-points/import", Some(&app.admin_key))
            .header("content-type", "text/plain")
            .body("x")
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    }
);

both!(
    async fn other_nodes_see_an_import_within_seconds(app) {
        let token = token(&app).await;
        let node_b = app.another_node().await;
        let res = import(&app, &[point("postnl", "N1", 100.0, false)], false).await;
        assert_eq!(res.status(), StatusCode::OK);
        let started = std::time::Instant::now();
        loop {
            let res = node_b.get(&format!("/v1/portal/acme/service-points?{HERE}"), Some(&token)).await;
            let body: Value = res.json().await.unwrap();
            if body["data"].as_array().unwrap().len() == 1 {
                break;
            }
            assert!(started.elapsed().as_secs() < 10, "node B did not converge");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
);

both!(
    async fn lookup_names_the_nearest_points_of_enabled_carriers(app) {
        let key = app.brand_with_key("acme").await;
        let res = import(&app, &[
            point("ups", "U", 10.0, true),        // not enabled
            point("dhl", "D", 300.0, false),       // nearest drop-off
            point("postnl", "P", 600.0, true),     // nearest label-less (postnl)
            point("dhl", "DL", 200.0, true),       // label-less, but dhl is not a label-less carrier
        ], false).await;
        assert_eq!(res.status(), StatusCode::OK);
        app.post("/v1/brands/acme/orders", Some(&key), &order("1001")).await;
        let body: Value = app.post("/v1/portal/acme/lookup", None, &lookup("1001")).await.json().await.unwrap();
        assert_eq!(body["service_point"]["code"], "DL");
        assert_eq!(body["labelless_service_point"]["code"], "P");

        // Without coordinates the postal-code centroid places the order.
        let mut far = order("1002");
        far["shipping_address"]["latitude"] = Value::Null;
        far["shipping_address"]["longitude"] = Value::Null;
        far["shipments"][0]["tracking_number"] = json!("T-1002-X");
        assert_eq!(app.post("/v1/brands/acme/orders", Some(&key), &far).await.status(), StatusCode::CREATED);
        let body: Value = app.post("/v1/portal/acme/lookup", None, &lookup("1002")).await.json().await.unwrap();
        assert!(body["service_point"].is_null(), "no coordinates and no centroid yet");
        let res = app
            .request(Method::POST, "/v1/postal-centroids/import", Some(&app.admin_key))
            .header("content-type", "text/csv")
            .body("country,postal_code,latitude,longitude\nNL,1012,52.3799,4.9003\n")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
        let body: Value = app.post("/v1/portal/acme/lookup", None, &lookup("1002")).await.json().await.unwrap();
        assert_eq!(body["service_point"]["code"], "DL");
        assert!(body["service_point"]["distance"].as_u64().unwrap() < 200);
    }
);
