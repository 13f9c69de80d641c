/** QR codes (ZXing) as SVG for pages and PNG for mails. */
package se.kompetensportal.shared.qr;
