//! Both migration trees hold the same migrations, and each runs up, down, up.

use crate::helpers::PgDatabase;
use returns_api::db::Db;
use returns_api::db::migrations::{embedded_names, revert_all, run_pending};

#[test]
fn both_trees_hold_the_same_migrations_in_the_same_order() {
    let (sqlite, postgres) = embedded_names();
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres);
}

fn up_down_up(url: &str) {
    let db = Db::connect(url, 1).expect("connect");
    let mut conn = db.conn().expect("conn");
    let first = run_pending(&mut conn).expect("up");
    let (names, _) = embedded_names();
    assert_eq!(first.len(), names.len());
    let reverted = revert_all(&mut conn).expect("down");
    assert_eq!(reverted.len(), names.len());
    let again = run_pending(&mut conn).expect("up again");
    assert_eq!(again, first);
}

#[test]
fn sqlite_migrations_run_up_down_and_up_again() {
    let dir = tempfile::tempdir().unwrap();
    up_down_up(&format!("sqlite://{}", dir.path().join("m.db").display()));
}

#[test]
fn postgres_migrations_run_up_down_and_up_again() {
    let Some(pg) = PgDatabase::create() else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    up_down_up(&pg.url());
}

#[tokio::test]
async fn an_in_memory_sqlite_database_serves_a_whole_pool() {
    // `sqlite::memory:` must be one database shared by every pooled connection.
    let db = Db::connect("sqlite::memory:", 4).unwrap();
    let mut conn = db.conn().unwrap();
    run_pending(&mut conn).unwrap();
    drop(conn);
    let c1 = db.conn().unwrap();
    let mut c2 = db.conn().unwrap();
    assert!(
        returns_api::db::brands::by_slug(&mut c2, "x")
            .unwrap()
            .is_none()
    );
    drop(c1);
}
