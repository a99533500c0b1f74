package web

import (
	"net/http/httptest"
	"testing"
)

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"Chloe":              "Chloe",
		"=HYPERLINK(\"x\")":  "'=HYPERLINK(\"x\")",
		"+44 20 7946 0000":   "'+44 20 7946 0000",
		"-1":                 "'-1",
		"@SUM(A1)":           "'@SUM(A1)",
		"\tcmd":              "'\tcmd",
		"\r=1":               "'\r=1",
		"Session 1, 5 March": "Session 1, 5 March",
		"a=b":                "a=b",
		"'already quoted":    "'already quoted",
		"O'Brien":            "O'Brien",
		"12":                 "12",
		"56%":                "56%",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	w := httptest.NewRecorder()
	if err := writeCSV(w, "report.csv", [][]string{{"Group", "Enrolled"}, {"=cmd|' /C calc'!A0", "6"}, {"Monday, evening", "3"}}); err != nil {
		t.Fatal(err)
	}
	if got := w.Header().Get("Content-Disposition"); got != `attachment; filename="report.csv"` {
		t.Errorf("Content-Disposition %q", got)
	}
	if got := w.Header().Get("Content-Type"); got != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	want := "Group,Enrolled\n'=cmd|' /C calc'!A0,6\n\"Monday, evening\",3\n"
	if got := w.Body.String(); got != want {
		t.Errorf("body %q; want %q", got, want)
	}
}
