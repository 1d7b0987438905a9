//! A newsroom's table of people and organisations, read from CSV.
//!
//! The table maps the names and aliases a story may use to one canonical entity:
//!
//! ```text
//! id,name,kind,aliases,title,affiliation
//! p-bjohnson,Brandon Johnson,person,Johnson|Mayor Johnson,Mayor of Chicago,City of Chicago
//! ```
//!
//! Resolution asks it by *name* first, then by alias: a name the document itself resolved
//! stays the document's, unless the table says whose name it is. That is what makes the table
//! written by `whosaid entities` safe to feed back: every resolved name is an entity of its own
//! there, so it maps to itself. A description (`A White House spokesperson`) matches an alias
//! by its words, case and determiners aside.
//!
//! A table is read whole before any extraction starts, and any fault (a missing column, a
//! duplicate id, an empty name, a broken row) is an error naming file and line: nothing is
//! extracted with a half-read table. Two entities sharing an alias is only a warning; the
//! first keeps it.
//!
//! ```
//! use whosaid::entities::EntityTable;
//! let csv = "id,name,kind,aliases,title,affiliation\np1,Brandon Johnson,person,Johnson|Mayor Johnson,Mayor,\n";
//! let table = EntityTable::from_reader("t.csv", csv.as_bytes()).unwrap();
//! assert_eq!(table.lookup_alias("mayor johnson").unwrap().name, "Brandon Johnson");
//! ```

use crate::attribution::SpeakerKind;
use crate::error::{Error, Result};
use crate::formula::unguard_cell;
use crate::lexicon::lexicon;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The columns a table must have, in any order; others are ignored.
pub const COLUMNS: [&str; 6] = ["id", "name", "kind", "aliases", "title", "affiliation"];

/// One person or organisation of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: SpeakerKind,
    pub aliases: Vec<String>,
    pub title: String,
    pub affiliation: String,
}

/// A table read whole, with the warnings its reading gave.
#[derive(Clone, Debug, Default)]
pub struct EntityTable {
    entities: Vec<Entity>,
    by_name: HashMap<String, usize>,
    by_alias: HashMap<String, usize>,
    warnings: Vec<String>,
}

/// The folded form names and aliases are compared in: lowercase words, determiners dropped.
pub fn alias_key(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !lexicon().words().articles.contains_folded(w))
        .map(str::to_lowercase)
        .collect();
    words.join(" ")
}

impl EntityTable {
    pub fn from_path(path: &Path) -> Result<EntityTable> {
        let file = std::fs::File::open(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        EntityTable::from_reader(path, file)
    }

    /// Reads a table; `path` names it in errors.
    pub fn from_reader(path: impl Into<PathBuf>, reader: impl Read) -> Result<EntityTable> {
        let path = path.into();
        let fail = |line: u64, msg: String| Error::EntityTable {
            path: path.clone(),
            line: line as usize,
            msg,
        };
        let mut csv = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(reader);
        let headers = csv.headers().map_err(|e| fail(1, e.to_string()))?.clone();
        let column = |name: &str| headers.iter().position(|h| h.trim() == name);
        let missing: Vec<&str> = COLUMNS
            .iter()
            .copied()
            .filter(|c| column(c).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(fail(
                1,
                format!("missing column(s): {}", missing.join(", ")),
            ));
        }
        let at: Vec<usize> = COLUMNS.iter().filter_map(|c| column(c)).collect();
        let mut table = EntityTable::default();
        let mut ids: HashMap<String, u64> = HashMap::new();
        for record in csv.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                fail(line, format!("broken row: {e}"))
            })?;
            let line = record.position().map_or(0, |p| p.line());
            // A table `whosaid entities` wrote has its text cells guarded: read them back as
            // they were found.
            let cell = |k: usize| unguard_cell(record.get(at[k]).unwrap_or("").trim()).to_string();
            let (id, name, kind) = (cell(0), cell(1), cell(2));
            if id.is_empty() {
                return Err(fail(line, "empty id".into()));
            }
            if name.is_empty() {
                return Err(fail(line, format!("entity {id:?} has an empty name")));
            }
            if let Some(first) = ids.insert(id.clone(), line) {
                return Err(fail(
                    line,
                    format!("duplicate id {id:?} (first on line {first})"),
                ));
            }
            let kind = match kind.as_str() {
                "person" => SpeakerKind::Person,
                "org" => SpeakerKind::Org,
                other => {
                    return Err(fail(
                        line,
                        format!("kind {other:?} is neither person nor org"),
                    ))
                }
            };
            let aliases = cell(3)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            table.insert(Entity {
                id,
                name,
                kind,
                aliases,
                title: cell(4),
                affiliation: cell(5),
            });
        }
        Ok(table)
    }

    fn insert(&mut self, entity: Entity) {
        let k = self.entities.len();
        self.by_name.entry(entity.name.clone()).or_insert(k);
        for alias in std::iter::once(&entity.name).chain(&entity.aliases) {
            let key = alias_key(alias);
            match self.by_alias.get(&key) {
                Some(&first) if first != k => self.warnings.push(format!(
                    "alias {alias:?} of {:?} is also an alias of {:?}; {:?} keeps it",
                    entity.id, self.entities[first].id, self.entities[first].id
                )),
                Some(_) => {}
                None => {
                    self.by_alias.insert(key, k);
                }
            }
        }
        self.entities.push(entity);
    }

    /// The entity of exactly this name.
    pub fn lookup_name(&self, name: &str) -> Option<&Entity> {
        self.by_name.get(name).map(|&k| &self.entities[k])
    }

    /// The entity with this name or alias, compared by [`alias_key`].
    pub fn lookup_alias(&self, words: &str) -> Option<&Entity> {
        self.by_alias
            .get(&alias_key(words))
            .map(|&k| &self.entities[k])
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Things worth telling the user that did not stop the reading (shared aliases).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,name,kind,aliases,title,affiliation\n";

    fn read(body: &str) -> Result<EntityTable> {
        EntityTable::from_reader("t.csv", format!("{HEADER}{body}").as_bytes())
    }

    #[test]
    fn names_and_aliases_resolve() {
        let t =
            read("p1,Brandon Johnson,person,Johnson|Mayor Johnson,Mayor,\no1,NBC News,org,NBC,,\n")
                .unwrap();
        assert_eq!(t.lookup_name("Brandon Johnson").unwrap().id, "p1");
        assert_eq!(t.lookup_alias("the Mayor Johnson").unwrap().id, "p1");
        assert_eq!(t.lookup_alias("nbc").unwrap().kind, SpeakerKind::Org);
        assert!(t.lookup_name("Johnson").is_none());
    }

    #[test]
    fn faults_name_file_and_line() {
        let cases = [
            (
                "p1,A,person,,,\np1,B,person,,,\n",
                "t.csv:3: bad entity table: duplicate id \"p1\" (first on line 2)",
            ),
            (
                "p1,,person,,,\n",
                "t.csv:2: bad entity table: entity \"p1\" has an empty name",
            ),
            (
                "p1,A,robot,,,\n",
                "t.csv:2: bad entity table: kind \"robot\" is neither person nor org",
            ),
        ];
        for (body, want) in cases {
            assert_eq!(read(body).unwrap_err().to_string(), want);
        }
        let broken = read("p1,A,person\n").unwrap_err().to_string();
        assert!(
            broken.starts_with("t.csv:2: bad entity table: broken row"),
            "{broken}"
        );
        let missing = EntityTable::from_reader("t.csv", "id,name\n".as_bytes())
            .unwrap_err()
            .to_string();
        assert_eq!(
            missing,
            "t.csv:1: bad entity table: missing column(s): kind, aliases, title, affiliation"
        );
    }

    #[test]
    fn shared_alias_warns_and_first_wins() {
        let t = read("p1,Ann Lee,person,Lee,,\np2,Bo Lee,person,Lee,,\n").unwrap();
        assert_eq!(t.lookup_alias("Lee").unwrap().id, "p1");
        assert_eq!(t.warnings().len(), 1);
        assert!(t.warnings()[0].contains("\"p1\"") && t.warnings()[0].contains("\"p2\""));
    }

    #[test]
    fn guarded_cells_read_back_as_they_were_found() {
        let t = read("'-p1,'=Ann Lee,person,'@ann|Lee,'+1,\n").unwrap();
        let ann = t.lookup_name("=Ann Lee").unwrap();
        assert_eq!((ann.id.as_str(), ann.title.as_str()), ("-p1", "+1"));
        assert_eq!(ann.aliases, ["@ann", "Lee"]);
    }

    #[test]
    fn extra_columns_are_ignored() {
        let csv = "mentions,id,name,kind,aliases,title,affiliation\n3,p1,Ann Lee,person,,,\n";
        let t = EntityTable::from_reader("t.csv", csv.as_bytes()).unwrap();
        assert_eq!(t.lookup_name("Ann Lee").unwrap().id, "p1");
    }
}
