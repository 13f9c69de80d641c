/** QR codes (ZXing) as SVG for pages and PNG for mails. */
@org.springframework.modulith.NamedInterface("qr")
package se.kompetensportal.shared.qr;
