package store

import (
	"fmt"
	"strings"
)

// prefixed qualifies each column in a comma-separated list with a table alias.
func prefixed(alias, columns string) string {
	parts := strings.Split(columns, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// inList appends values to args and returns the placeholders for an SQL
// IN (…) list of them, numbered after the arguments already there.
func inList[T any](args []any, values []T) (string, []any) {
	marks := make([]string, len(values))
	for i, v := range values {
		args = append(args, v)
		marks[i] = fmt.Sprintf("$%d", len(args))
	}
	return strings.Join(marks, ", "), args
}
