package store

import (
	"fmt"
	"time"
)

// sqlTime scans a time that SQLite returns as text, as it does for
// aggregates such as MAX(), which carry no declared column type, as well as
// the time.Time that PostgreSQL and typed SQLite columns give.
type sqlTime struct{ Time time.Time }

// sqliteTimeLayouts are the text forms of a stored time.
var sqliteTimeLayouts = []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05"}

// Scan implements sql.Scanner.
func (t *sqlTime) Scan(v any) error {
	switch x := v.(type) {
	case time.Time:
		t.Time = x
		return nil
	case string:
		return t.parse(x)
	case []byte:
		return t.parse(string(x))
	case nil:
		t.Time = time.Time{}
		return nil
	}
	return fmt.Errorf("store: cannot read %T as a time", v)
}

func (t *sqlTime) parse(s string) error {
	for _, layout := range sqliteTimeLayouts {
		if p, err := time.Parse(layout, s); err == nil {
			t.Time = p
			return nil
		}
	}
	return fmt.Errorf("store: cannot read %q as a time", s)
}
