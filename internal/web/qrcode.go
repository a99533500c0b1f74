package web

import (
	"encoding/base64"
	"fmt"
	"html/template"

	"rsc.io/qr"
)

// qrImage is a QR code ready for an <img>: a PNG data: address (which the
// content security policy allows) and its size in pixels.
type qrImage struct {
	Src  template.URL
	Size int
}

// qrModulePixels is how many pixels each square of the code takes.
const qrModulePixels = 5

// newQRImage draws text as a QR code on the server, so the page needs no
// script and the secret goes to no other service.
func newQRImage(text string) (qrImage, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return qrImage{}, fmt.Errorf("draw QR code: %w", err)
	}
	code.Scale = qrModulePixels
	// The PNG has a quiet zone of four squares on every side.
	return qrImage{
		Src:  template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(code.PNG())),
		Size: (code.Size + 8) * qrModulePixels,
	}, nil
}
