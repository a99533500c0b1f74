package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"
)

// writeCSV sends rows as a CSV file to download, named filename. Every
// cell goes through csvCell first, so a spreadsheet opening the file runs
// nothing that was typed into Steadfast.
func writeCSV(w http.ResponseWriter, filename string, rows [][]string) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, cell := range row {
			safe[i] = csvCell(cell)
		}
		if err := cw.Write(safe); err != nil {
			return fmt.Errorf("write csv %s: %w", filename, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv %s: %w", filename, err)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", filename))
	_, err := buf.WriteTo(w)
	return err
}

// csvCell guards a cell against formula injection: a cell that starts
// with =, +, -, @, a tab or a carriage return would be run as a formula by
// a spreadsheet, so it gets a leading apostrophe and is read as text.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
