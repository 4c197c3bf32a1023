package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	_ "modernc.org/sqlite"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// The SQLite side: the same claims, their text in an FTS5 table with the
// Porter stemmer (Bleve's English analyzer stems too), source and kind as
// indexed columns, money and entities in tables of their own with
// indexes, the claim's JSON stored as claimdex stores it.
const sqliteSchema = `
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
CREATE TABLE claims(id INTEGER PRIMARY KEY, cid TEXT, source TEXT, kind TEXT, json TEXT);
CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='', tokenize='porter unicode61');
CREATE TABLE money(claim INTEGER, currency TEXT, amount REAL);
CREATE TABLE entities(claim INTEGER, name TEXT);
`

const sqliteIndexes = `
CREATE INDEX claims_source ON claims(source);
CREATE INDEX money_currency_amount ON money(currency, amount);
CREATE INDEX entities_name ON entities(name, claim);
CREATE INDEX entities_claim ON entities(claim);
ANALYZE;
`

// sqliteQueries are the claimdex queries written for SQLite: each returns
// the hit count and the first page of ten, as claimdex's search does.
// Bleve's "council budget" scores claims holding either word; FTS5 needs
// the OR spelled out.
var sqliteQueries = []struct {
	name  string
	stmts []string
}{
	{"match", []string{
		`SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'council OR budget'`,
		`SELECT c.json FROM claims_fts f JOIN claims c ON c.id = f.rowid WHERE claims_fts MATCH 'council OR budget' ORDER BY f.rank LIMIT 10`,
	}},
	{"match+source", []string{
		`SELECT count(*) FROM claims_fts f JOIN claims c ON c.id = f.rowid WHERE claims_fts MATCH 'council OR budget' AND c.source = 'The Valmora Herald'`,
		`SELECT c.json FROM claims_fts f JOIN claims c ON c.id = f.rowid WHERE claims_fts MATCH 'council OR budget' AND c.source = 'The Valmora Herald' ORDER BY f.rank LIMIT 10`,
	}},
	{"amount+currency", []string{
		`SELECT count(DISTINCT claim) FROM money WHERE currency = 'EUR' AND amount BETWEEN 1e9 AND 5e10`,
		`SELECT c.json FROM claims c WHERE c.id IN (SELECT claim FROM money WHERE currency = 'EUR' AND amount BETWEEN 1e9 AND 5e10) ORDER BY c.id LIMIT 10`,
	}},
	{"match+facets", []string{
		`SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'council OR budget'`,
		`SELECT c.json FROM claims_fts f JOIN claims c ON c.id = f.rowid WHERE claims_fts MATCH 'council OR budget' ORDER BY f.rank LIMIT 10`,
		`SELECT c.source, count(*) n FROM claims_fts f JOIN claims c ON c.id = f.rowid WHERE claims_fts MATCH 'council OR budget' GROUP BY c.source ORDER BY n DESC LIMIT 10`,
		`SELECT c.kind, count(*) n FROM claims_fts f JOIN claims c ON c.id = f.rowid WHERE claims_fts MATCH 'council OR budget' GROUP BY c.kind ORDER BY n DESC LIMIT 10`,
		`SELECT e.name, count(*) n FROM claims_fts f JOIN entities e ON e.claim = f.rowid WHERE claims_fts MATCH 'council OR budget' GROUP BY e.name ORDER BY n DESC LIMIT 10`,
	}},
	{"facets (all claims)", []string{
		`SELECT count(*) FROM claims`,
		`SELECT json FROM claims ORDER BY id LIMIT 10`,
		`SELECT source, count(*) n FROM claims GROUP BY source ORDER BY n DESC LIMIT 10`,
		`SELECT kind, count(*) n FROM claims GROUP BY kind ORDER BY n DESC LIMIT 10`,
		`SELECT name, count(*) n FROM entities GROUP BY name ORDER BY n DESC LIMIT 10`,
	}},
}

// sqliteBench loads every claim of the index into a new SQLite database
// and times the queries that have an SQLite form.
func sqliteBench(ctx context.Context, o options, ixDir, dbPath string, sr *SizeResult) error {
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	start := time.Now()
	if err := sqliteLoad(ctx, db, ixDir); err != nil {
		return err
	}
	load := time.Since(start).Seconds()
	size, err := dirSize(dbPath)
	if err != nil {
		return err
	}
	sr.SQLite = SQLiteInfo{LoadSeconds: load, Bytes: size}
	for _, q := range sqliteQueries {
		var hits uint64
		lat, err := repeat(o.reps, func() error {
			for i, s := range q.stmts {
				rows, err := db.QueryContext(ctx, s)
				if err != nil {
					return err
				}
				for rows.Next() {
					if i == 0 {
						if err := rows.Scan(&hits); err != nil {
							rows.Close()
							return err
						}
					}
				}
				if err := rows.Close(); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("sqlite %s: %w", q.name, err)
		}
		sr.Search = append(sr.Search, Latency{Query: q.name, Where: "SQLite FTS5", Hits: hits, P50ms: pct(lat, 50), P99ms: pct(lat, 99), Runs: len(lat)})
	}
	slog.Info("sqlite", "load_s", fmt.Sprintf("%.1f", load), "bytes", size)
	return nil
}

func sqliteLoad(ctx context.Context, db *sql.DB, ixDir string) error {
	if _, err := db.ExecContext(ctx, sqliteSchema); err != nil {
		return fmt.Errorf("sqlite schema: %w", err)
	}
	ix, err := index.Open(ixDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	defer tx.Rollback()
	insClaim, err := tx.PrepareContext(ctx, `INSERT INTO claims(id, cid, source, kind, json) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	insFTS, err := tx.PrepareContext(ctx, `INSERT INTO claims_fts(rowid, text) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	insMoney, err := tx.PrepareContext(ctx, `INSERT INTO money(claim, currency, amount) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	insEnt, err := tx.PrepareContext(ctx, `INSERT INTO entities(claim, name) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	row := int64(0)
	err = ix.Export(ctx, index.Query{}, func(c extract.Claim) error {
		row++
		js, err := json.Marshal(c)
		if err != nil {
			return err
		}
		if _, err := insClaim.ExecContext(ctx, row, c.ID, c.Source, c.Kind, js); err != nil {
			return err
		}
		if _, err := insFTS.ExecContext(ctx, row, c.Text); err != nil {
			return err
		}
		for _, m := range c.Money {
			if _, err := insMoney.ExecContext(ctx, row, m.Currency, m.Amount); err != nil {
				return err
			}
		}
		seen := map[string]bool{}
		for _, e := range c.Entities {
			if e.Canonical != "" && !seen[e.Canonical] {
				seen[e.Canonical] = true
				if _, err := insEnt.ExecContext(ctx, row, e.Canonical); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite load: %w", err)
	}
	if _, err := tx.ExecContext(ctx, sqliteIndexes); err != nil {
		return fmt.Errorf("sqlite indexes: %w", err)
	}
	return tx.Commit()
}
