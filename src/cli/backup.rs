//! `suoja export` and `suoja import`: a backup of the database as it is
//! stored (ciphertext, hashes, wrapped keys and plaintext metadata), nothing
//! decrypted and no key needed. The file is JSON, one row a line, between a
//! header and a trailer that counts the rows, so a cut-off file is refused.
//! An import goes into an empty database of either backend, in one
//! transaction. Sessions are not exported: a restore starts logged out.
//! The pepper file is not in the export: back it up apart, or no receipt
//! works again.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};

use serde_json::{Map, Value, json};
use sqlx::any::AnyTypeInfoKind;
use sqlx::{AnyConnection, Column, Row, ValueRef};

use crate::db::{Backend, Db};
use crate::serve::BoxError;

const FORMAT: &str = "suoja-export";
const VERSION: u64 = 1;
/// Tables never exported: migration bookkeeping and live sessions.
const SKIP: &[&str] = &["_sqlx_migrations", "sessions"];

/// Writes every table to `out`; returns the number of rows.
pub async fn export(db: &Db, out: &mut impl Write) -> Result<u64, BoxError> {
    let mut conn = db.pool.acquire().await?;
    let tables = tables_in_order(db, &mut conn).await?;
    let migration = latest_migration(&mut conn).await?;
    let header =
        json!({"format": FORMAT, "version": VERSION, "migration": migration, "tables": tables});
    writeln!(out, "{header}")?;
    let mut rows = 0u64;
    for table in &tables {
        let sql = format!("select * from {}", quote(table));
        let found = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        for row in &found {
            let mut fields = Map::new();
            for (i, column) in row.columns().iter().enumerate() {
                fields.insert(column.name().to_owned(), value_of(row, i)?);
            }
            writeln!(out, "{}", json!({"t": table, "r": fields}))?;
            rows += 1;
        }
    }
    writeln!(out, "{}", json!({"end": true, "rows": rows}))?;
    out.flush()?;
    Ok(rows)
}

/// One column of a row as JSON: blobs as `{"hex": …}`.
fn value_of(row: &sqlx::any::AnyRow, i: usize) -> Result<Value, sqlx::Error> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let kind = raw.type_info().kind();
    Ok(match kind {
        AnyTypeInfoKind::Bool => Value::Bool(row.try_get(i)?),
        AnyTypeInfoKind::SmallInt | AnyTypeInfoKind::Integer | AnyTypeInfoKind::BigInt => {
            Value::from(row.try_get::<i64, _>(i)?)
        }
        AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => Value::from(row.try_get::<f64, _>(i)?),
        AnyTypeInfoKind::Text => Value::String(row.try_get(i)?),
        AnyTypeInfoKind::Blob => json!({"hex": crate::seal::hex(&row.try_get::<Vec<u8>, _>(i)?)}),
        AnyTypeInfoKind::Null => Value::Null,
    })
}

/// Reads an export into an empty database; returns the number of rows.
pub async fn import(db: &Db, input: impl BufRead) -> Result<u64, BoxError> {
    let mut lines = input.lines();
    let header: Value = match lines.next() {
        Some(line) => serde_json::from_str(&line?).map_err(|_| "not a suoja export: no header")?,
        None => return Err("the file is empty".into()),
    };
    if header["format"] != FORMAT || header["version"] != VERSION {
        return Err("not a suoja export of a version this build reads".into());
    }
    let mut conn = db.pool.acquire().await?;
    let ours = latest_migration(&mut conn).await?;
    if header["migration"].as_i64() != Some(ours) {
        return Err(format!(
            "the export was made at schema version {}, this database is at {ours}: \
             import with the suoja version that made it",
            header["migration"]
        )
        .into());
    }
    let columns = column_types(db, &mut conn).await?;
    for table in columns.keys() {
        let sql = format!("select count(*) from {}", quote(table));
        let count: i64 = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        if count > 0 {
            return Err(format!("the database is not empty (table {table} has rows)").into());
        }
    }
    drop(conn);
    let mut tx = db.pool.begin().await?;
    let mut rows = 0u64;
    let mut ended = false;
    for (n, line) in lines.enumerate() {
        let line = line?;
        let at = n + 2;
        if ended {
            return Err(format!("line {at}: text after the end of the export").into());
        }
        let item: Value =
            serde_json::from_str(&line).map_err(|_| format!("line {at}: not JSON"))?;
        if item["end"] == true {
            if item["rows"].as_u64() != Some(rows) {
                return Err(format!(
                    "the export says {} rows, the file holds {rows}",
                    item["rows"]
                )
                .into());
            }
            ended = true;
            continue;
        }
        insert(db.backend, &mut tx, &columns, &item)
            .await
            .map_err(|e| format!("line {at}: {e}"))?;
        rows += 1;
    }
    if !ended {
        return Err("the export is cut off: no end line".into());
    }
    if db.backend == Backend::Postgres {
        reset_identities(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// Table name → (column name → declared type, lower case), from the target
/// database's own catalogue: only these names ever reach SQL.
type Columns = BTreeMap<String, BTreeMap<String, String>>;

async fn insert(
    backend: Backend,
    conn: &mut AnyConnection,
    columns: &Columns,
    item: &Value,
) -> Result<(), BoxError> {
    let table = item["t"].as_str().ok_or("no table")?;
    let known = columns
        .get(table)
        .ok_or_else(|| format!("table {table:?} is not in this database"))?;
    let fields = item["r"].as_object().ok_or("no row")?;
    let mut names = vec![];
    for name in fields.keys() {
        if !known.contains_key(name) {
            return Err(format!("column {table}.{name} is not in this database").into());
        }
        names.push(quote(name));
    }
    let placeholders = crate::db::placeholders(1, fields.len());
    let overriding = if backend == Backend::Postgres {
        " overriding system value"
    } else {
        ""
    };
    let sql = format!(
        "insert into {} ({}){overriding} values {placeholders}",
        quote(table),
        names.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for (name, value) in fields {
        let declared = known.get(name).map_or("", String::as_str);
        query = bind(query, value, declared)?;
    }
    query.execute(conn).await?;
    Ok(())
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

/// Binds a JSON value; a null takes the column's declared type, which
/// PostgreSQL needs.
fn bind<'q>(query: AnyQuery<'q>, value: &Value, declared: &str) -> Result<AnyQuery<'q>, BoxError> {
    let integer = declared.contains("int");
    let blob = declared.contains("blob") || declared.contains("bytea");
    Ok(match value {
        Value::Null if integer => query.bind(None::<i64>),
        Value::Null if blob => query.bind(None::<Vec<u8>>),
        Value::Null => query.bind(None::<String>),
        Value::Bool(b) => query.bind(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => query.bind(i),
            None => query.bind(n.as_f64().ok_or("a number out of range")?),
        },
        Value::String(s) => query.bind(s.clone()),
        Value::Object(o) => {
            let hex = o
                .get("hex")
                .and_then(Value::as_str)
                .ok_or("an object that is not a blob")?;
            query.bind(crate::seal::unhex(hex).ok_or("a blob that is not hex")?)
        }
        Value::Array(_) => return Err("an array where a value belongs".into()),
    })
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

async fn latest_migration(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query("select coalesce(max(version), 0) from _sqlx_migrations where success")
        .fetch_one(conn)
        .await?
        .try_get(0)
}

/// The tables of this database, each after those it refers to.
async fn tables_in_order(db: &Db, conn: &mut AnyConnection) -> Result<Vec<String>, BoxError> {
    let columns = column_types(db, conn).await?;
    let mut refers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for table in columns.keys() {
        let sql = match db.backend {
            Backend::Sqlite => "select \"table\" from pragma_foreign_key_list($1)",
            Backend::Postgres => {
                "select distinct ccu.table_name::text from information_schema.table_constraints tc \
                 join information_schema.constraint_column_usage ccu \
                   on ccu.constraint_name = tc.constraint_name \
                  and ccu.constraint_schema = tc.constraint_schema \
                 where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = $1 \
                   and tc.table_schema = current_schema()"
            }
        };
        let targets: Vec<String> = sqlx::query(sql)
            .bind(table)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        let targets = targets.into_iter().filter(|t| t != table).collect();
        refers.insert(table.clone(), targets);
    }
    let mut order = vec![];
    let mut placed = BTreeSet::new();
    while placed.len() < refers.len() {
        let ready: Vec<String> = refers
            .iter()
            .filter(|(t, deps)| !placed.contains(*t) && deps.iter().all(|d| placed.contains(d)))
            .map(|(t, _)| t.clone())
            .collect();
        if ready.is_empty() {
            return Err("the tables refer to each other in a cycle".into());
        }
        for table in ready {
            placed.insert(table.clone());
            order.push(table);
        }
    }
    Ok(order)
}

/// Every exported table with its columns' declared types.
async fn column_types(db: &Db, conn: &mut AnyConnection) -> Result<Columns, sqlx::Error> {
    let sql = match db.backend {
        Backend::Sqlite => {
            "select m.name, lower(p.name), lower(p.type) from sqlite_master m \
             join pragma_table_info(m.name) p \
             where m.type = 'table' and m.name not like 'sqlite_%'"
        }
        Backend::Postgres => {
            "select table_name::text, column_name::text, lower(data_type)::text \
             from information_schema.columns where table_schema = current_schema()"
        }
    };
    let mut columns = Columns::new();
    for row in sqlx::query(sql).fetch_all(conn).await? {
        let table: String = row.try_get(0)?;
        if SKIP.contains(&table.as_str()) {
            continue;
        }
        columns
            .entry(table)
            .or_default()
            .insert(row.try_get(1)?, row.try_get(2)?);
    }
    Ok(columns)
}

/// After rows came in with their own ids, identity columns continue above
/// the highest one (PostgreSQL; SQLite does this by itself).
async fn reset_identities(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    let identities = sqlx::query(
        "select table_name::text, column_name::text from information_schema.columns \
         where table_schema = current_schema() and is_identity = 'YES'",
    )
    .fetch_all(&mut *conn)
    .await?;
    for row in identities {
        let table: String = row.try_get(0)?;
        let column: String = row.try_get(1)?;
        let sql = format!(
            "select setval(pg_get_serial_sequence($1, $2), coalesce((select max({c}) from {t}), 0) + 1, false)",
            c = quote(&column),
            t = quote(&table)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&table)
            .bind(&column)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn run_export(url: &str, output: Option<&std::path::Path>) -> Result<(), BoxError> {
    let db = Db::connect(url).await?;
    let rows = match output {
        Some(path) => {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let file = options
                .open(path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let rows = export(&db, &mut out).await?;
            out.into_inner().map_err(|e| e.to_string())?.sync_all()?;
            rows
        }
        None => export(&db, &mut std::io::BufWriter::new(std::io::stdout().lock())).await?,
    };
    eprintln!("exported {rows} rows (ciphertext and metadata; the pepper file is not included)");
    Ok(())
}

pub async fn run_import(url: &str, input: Option<&std::path::Path>) -> Result<(), BoxError> {
    let db = Db::connect(url).await?;
    let rows = match input {
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            import(&db, std::io::BufReader::new(file)).await?
        }
        None => import(&db, std::io::stdin().lock()).await?,
    };
    eprintln!("imported {rows} rows");
    Ok(())
}
