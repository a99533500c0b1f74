package web

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"testing"
)

func TestQRImageIsAPNGDataURL(t *testing.T) {
	img, err := newQRImage("otpauth://totp/Steadfast:sam@example.org?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&issuer=Steadfast")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "data:image/png;base64,"
	src := string(img.Src)
	if !strings.HasPrefix(src, prefix) {
		t.Fatalf("src %.40q is not a PNG data URL", src)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, prefix))
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the QR code is not a valid PNG: %v", err)
	}
	if b := decoded.Bounds(); b.Dx() != img.Size || b.Dy() != img.Size || img.Size < 150 {
		t.Errorf("PNG is %v, the page says %d pixels square", b, img.Size)
	}
}
