//! Two schemas, one truth. `migrations/sqlite` and `migrations/postgres` are
//! written by hand (migrations/README.md), while the domain SQL is one text
//! for both and `suoja backup` moves rows between them by table and column
//! name. This test migrates a fresh database of each kind, as `suoja serve`
//! does, and compares what must agree, whichever backend the run is for:
//!
//! - the tables (sqlx's own `_sqlx_migrations` left out);
//! - each column's name, kind, nullability and default (PostgreSQL's
//!   `::type` cast on a default is left out);
//! - each table's primary key and unique constraints (their columns, in
//!   order: SQLite keeps no name for them);
//! - the indexes made by `create index`: name, table, columns, uniqueness,
//!   and whether the index is partial (each backend spells the predicate
//!   its own way, so only its presence is compared);
//! - foreign keys: columns, the table and columns referred to, `on delete`.
//!
//! Type names differ by backend, so a column is compared by kind:
//!
//! | kind    | SQLite    | PostgreSQL                      |
//! |---------|-----------|---------------------------------|
//! | integer | `integer` | `smallint`, `integer`, `bigint` |
//! | text    | `text`    | `text`                          |
//! | bytes   | `blob`    | `bytea`                         |
//!
//! A type outside the table is compared by its name, so it differs until
//! someone maps it here. Not compared: column order (nothing reads columns
//! by position), check constraints and the names of primary key and unique
//! constraints, `autoincrement` against identity columns.

use std::collections::BTreeSet;

use sqlx::{AnyPool, Row};
use suoja::db::Db;

use crate::helpers::TestDatabase;

/// The one intended difference. In an SQLite rowid table a primary key
/// column accepts NULL unless it is the `integer primary key` (the rowid) or
/// declared `not null` (a quirk SQLite keeps for compatibility); PostgreSQL
/// makes every primary key column not null. These tables were written
/// before this test, without `not null` on their keys. SQLite cannot add it
/// in place: each table would need its twelve-step rebuild (create, copy,
/// drop, rename) in a migration run outside a transaction with foreign keys
/// off, since dropping the old table would otherwise run the `on delete
/// cascade` of every table that refers to it. That risk would buy nothing:
/// every one of these ids is minted by the application, never null. So these
/// columns are compared as not null; a new table declares its key `not null`.
const SQLITE_NULLABLE_KEYS: &[(&str, &str)] = &[
    ("retention_rules", "service"),
    ("series", "id"),
    ("services", "slug"),
    ("sessions", "token_hash"),
    ("slots", "id"),
    ("staff", "id"),
    ("staff_links", "id"),
];

#[tokio::test]
async fn sqlite_and_postgres_migrate_to_the_same_tables_columns_keys_and_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Db::connect(&format!("sqlite://{}/schema.db", dir.path().display()))
        .await
        .unwrap();
    let postgres_database = TestDatabase::postgres().await;
    let postgres = Db::connect(&postgres_database.url).await.unwrap();

    let lite = sqlite_schema(&sqlite.pool).await;
    let pg = postgres_schema(&postgres.pool).await;
    sqlite.pool.close().await;
    postgres.pool.close().await;

    assert!(
        lite.iter().any(|f| f.starts_with("column cases.id:")),
        "the SQLite schema was read: {lite:#?}"
    );
    let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Vec<String> {
        a.difference(b).cloned().collect()
    };
    let (only_sqlite, only_postgres) = (only(&lite, &pg), only(&pg, &lite));
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the migrated schemas differ; add a migration to each folder that \
         makes them agree (never edit an applied one)\n\
         only in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
    );
}

#[tokio::test]
async fn the_nullable_key_exception_names_only_sqlite_keys_that_accept_null() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Db::connect(&format!("sqlite://{}/schema.db", dir.path().display()))
        .await
        .unwrap();
    for (table, column) in SQLITE_NULLABLE_KEYS {
        let columns = sqlite_columns(&sqlite.pool, table).await;
        let found = columns.iter().find(|c| c.name == *column);
        assert!(
            found.is_some_and(|c| c.key > 0 && !c.not_null && !c.key_not_null),
            "{table}.{column} is no longer a nullable SQLite key: drop it from SQLITE_NULLABLE_KEYS"
        );
    }
    sqlite.pool.close().await;
}

/// One column as SQLite reports it.
struct SqliteColumn {
    name: String,
    declared: String,
    not_null: bool,
    default: Option<String>,
    /// Position in the primary key (1-based), 0 if not in it.
    key: i64,
    /// A key column SQLite keeps from null without `not null`: the
    /// `integer primary key` of a rowid table (the rowid itself), or any key
    /// column of a `without rowid` table.
    key_not_null: bool,
}

async fn sqlite_columns(pool: &AnyPool, table: &str) -> Vec<SqliteColumn> {
    let without_rowid: i64 = sqlx::query("select wr from pragma_table_list where name = $1")
        .bind(table)
        .fetch_one(pool)
        .await
        .unwrap()
        .get(0);
    let rows = sqlx::query(
        "select name, type, \"notnull\", pk, dflt_value from pragma_table_info($1) order by cid",
    )
    .bind(table)
    .fetch_all(pool)
    .await
    .unwrap();
    let key_columns = rows.iter().filter(|r| r.get::<i64, _>(3) > 0).count();
    rows.iter()
        .map(|r| {
            let declared: String = r.get(1);
            let key: i64 = r.get(3);
            let rowid = without_rowid == 0
                && key_columns == 1
                && key == 1
                && declared.eq_ignore_ascii_case("integer");
            SqliteColumn {
                name: r.get(0),
                declared,
                not_null: r.get::<i64, _>(2) == 1,
                default: r.get(4),
                key,
                key_not_null: rowid || (key > 0 && without_rowid == 1),
            }
        })
        .collect()
}

/// The schema of a migrated SQLite database, one fact a line.
async fn sqlite_schema(pool: &AnyPool) -> BTreeSet<String> {
    let mut facts = BTreeSet::new();
    let tables = strings(
        pool,
        "select name from sqlite_master where type = 'table' \
         and name not like 'sqlite_%' and name <> '_sqlx_migrations'",
        None,
    )
    .await;
    for table in &tables {
        facts.insert(format!("table {table}"));
        let columns = sqlite_columns(pool, table).await;
        let mut key: Vec<&SqliteColumn> = columns.iter().filter(|c| c.key > 0).collect();
        key.sort_by_key(|c| c.key);
        for c in &columns {
            let excepted = SQLITE_NULLABLE_KEYS.contains(&(table.as_str(), c.name.as_str()));
            let not_null = c.not_null || c.key_not_null || excepted;
            let kind = sqlite_kind(&c.declared);
            facts.insert(column_fact(
                table,
                &c.name,
                kind,
                not_null,
                c.default.as_deref(),
            ));
        }
        if !key.is_empty() {
            let names: Vec<&str> = key.iter().map(|c| c.name.as_str()).collect();
            facts.insert(format!("primary key {table} ({})", names.join(", ")));
        }
        sqlite_indexes(pool, table, &mut facts).await;
        sqlite_foreign_keys(pool, table, &mut facts).await;
    }
    facts
}

async fn sqlite_indexes(pool: &AnyPool, table: &str, facts: &mut BTreeSet<String>) {
    let indexes =
        sqlx::query("select name, \"unique\", origin, partial from pragma_index_list($1)")
            .bind(table)
            .fetch_all(pool)
            .await
            .unwrap();
    for index in indexes {
        let name: String = index.get(0);
        let columns = strings(
            pool,
            "select name from pragma_index_info($1) order by seqno",
            Some(&name),
        )
        .await
        .join(", ");
        let unique = index.get::<i64, _>(1) == 1;
        let partial = index.get::<i64, _>(3) == 1;
        match index.get::<String, _>(2).as_str() {
            // The primary key is compared from the columns.
            "pk" => {}
            "u" => {
                facts.insert(format!("unique {table} ({columns})"));
            }
            _ => {
                facts.insert(index_fact(&name, table, &columns, unique, partial));
            }
        }
    }
}

async fn sqlite_foreign_keys(pool: &AnyPool, table: &str, facts: &mut BTreeSet<String>) {
    let keys = sqlx::query(
        "select \"table\", group_concat(\"from\", ', ' order by seq), \
                group_concat(\"to\", ', ' order by seq), max(\"to\" is null), on_delete \
         from pragma_foreign_key_list($1) group by id",
    )
    .bind(table)
    .fetch_all(pool)
    .await
    .unwrap();
    for key in keys {
        let target: String = key.get(0);
        // No column named: the key refers to the other table's primary key.
        let to = if key.get::<i64, _>(3) == 1 {
            strings(
                pool,
                "select name from pragma_table_info($1) where pk > 0 order by pk",
                Some(&target),
            )
            .await
            .join(", ")
        } else {
            key.get(2)
        };
        facts.insert(foreign_key_fact(
            table,
            &key.get::<String, _>(1),
            &target,
            &to,
            &key.get::<String, _>(4).to_lowercase(),
        ));
    }
}

/// The schema of a migrated PostgreSQL database, one fact a line.
async fn postgres_schema(pool: &AnyPool) -> BTreeSet<String> {
    let mut facts = BTreeSet::new();
    let tables = strings(
        pool,
        "select table_name::text from information_schema.tables \
         where table_schema = current_schema() and table_type = 'BASE TABLE' \
         and table_name <> '_sqlx_migrations'",
        None,
    )
    .await;
    for table in &tables {
        facts.insert(format!("table {table}"));
        let columns = sqlx::query(
            "select column_name::text, udt_name::text, is_nullable::text, column_default::text \
             from information_schema.columns \
             where table_schema = current_schema() and table_name = $1",
        )
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap();
        for c in columns {
            let name: String = c.get(0);
            let kind = postgres_kind(&c.get::<String, _>(1));
            let not_null = c.get::<String, _>(2) == "NO";
            let default: Option<String> = c.get(3);
            let default = default.as_deref().map(without_cast);
            facts.insert(column_fact(table, &name, kind, not_null, default));
        }
        postgres_indexes(pool, table, &mut facts).await;
        postgres_foreign_keys(pool, table, &mut facts).await;
    }
    facts
}

/// The columns of `$1` (an attribute number array) of relation `$2`, in
/// order, as one text.
fn column_names(numbers: &str, relation: &str) -> String {
    format!(
        "(select string_agg(a.attname::text, ', ' order by k.n) \
          from unnest({numbers}) with ordinality as k(number, n) \
          join pg_attribute a on a.attrelid = {relation} and a.attnum = k.number)"
    )
}

async fn postgres_indexes(pool: &AnyPool, table: &str, facts: &mut BTreeSet<String>) {
    // Each index of the table; `constraint` says whether a primary key or
    // unique constraint made it (SQLite's `pk` and `u` origins).
    let sql = format!(
        "select i.relname::text, x.indisunique, x.indpred is not null, \
                coalesce(c.contype::text, ''), {columns} \
         from pg_index x \
         join pg_class i on i.oid = x.indexrelid \
         left join pg_constraint c on c.conindid = x.indexrelid and c.contype in ('p', 'u') \
         where x.indrelid = $1::text::regclass",
        columns = column_names("x.indkey::int2[]", "x.indrelid"),
    );
    let indexes = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap();
    for index in indexes {
        let name: String = index.get(0);
        let unique: bool = index.get(1);
        let partial: bool = index.get(2);
        let columns: String = index.get(4);
        match index.get::<String, _>(3).as_str() {
            "p" => facts.insert(format!("primary key {table} ({columns})")),
            "u" => facts.insert(format!("unique {table} ({columns})")),
            _ => facts.insert(index_fact(&name, table, &columns, unique, partial)),
        };
    }
}

async fn postgres_foreign_keys(pool: &AnyPool, table: &str, facts: &mut BTreeSet<String>) {
    let sql = format!(
        "select f.relname::text, {from}, {to}, c.confdeltype::text \
         from pg_constraint c join pg_class f on f.oid = c.confrelid \
         where c.contype = 'f' and c.conrelid = $1::text::regclass",
        from = column_names("c.conkey", "c.conrelid"),
        to = column_names("c.confkey", "c.confrelid"),
    );
    let keys = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap();
    for key in keys {
        let on_delete = match key.get::<String, _>(3).as_str() {
            "a" => "no action".to_owned(),
            "r" => "restrict".to_owned(),
            "c" => "cascade".to_owned(),
            "n" => "set null".to_owned(),
            "d" => "set default".to_owned(),
            other => format!("confdeltype {other}"),
        };
        facts.insert(foreign_key_fact(
            table,
            &key.get::<String, _>(1),
            &key.get::<String, _>(0),
            &key.get::<String, _>(2),
            &on_delete,
        ));
    }
}

fn sqlite_kind(declared: &str) -> String {
    match declared.to_ascii_lowercase().as_str() {
        "integer" => "integer".into(),
        "text" => "text".into(),
        "blob" => "bytes".into(),
        other => format!("SQLite type {other}"),
    }
}

fn postgres_kind(udt: &str) -> String {
    match udt {
        "int2" | "int4" | "int8" => "integer".into(),
        "text" => "text".into(),
        "bytea" => "bytes".into(),
        other => format!("PostgreSQL type {other}"),
    }
}

fn column_fact(
    table: &str,
    column: &str,
    kind: String,
    not_null: bool,
    default: Option<&str>,
) -> String {
    let null = if not_null { "not null" } else { "null" };
    let default = default
        .map(|d| format!(", default {d}"))
        .unwrap_or_default();
    format!("column {table}.{column}: {kind}, {null}{default}")
}

/// A PostgreSQL default without its trailing cast: `'x'::text` is `'x'`.
fn without_cast(default: &str) -> &str {
    match default.rsplit_once("::") {
        Some((value, cast)) if cast.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') => value,
        _ => default,
    }
}

fn index_fact(name: &str, table: &str, columns: &str, unique: bool, partial: bool) -> String {
    format!(
        "{}index {name} on {table} ({columns}){}",
        if unique { "unique " } else { "" },
        if partial { " where …" } else { "" }
    )
}

fn foreign_key_fact(table: &str, from: &str, target: &str, to: &str, on_delete: &str) -> String {
    format!("foreign key {table} ({from}) references {target} ({to}) on delete {on_delete}")
}

/// The first column of every row of `sql`, with `$1` bound to `arg` if given.
async fn strings(pool: &AnyPool, sql: &'static str, arg: Option<&str>) -> Vec<String> {
    let mut query = sqlx::query(sql);
    if let Some(arg) = arg {
        query = query.bind(arg.to_owned());
    }
    query
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}
