// The trainer's check-in: where the browser can read QR codes itself (the BarcodeDetector API, e.g. Chrome on Android),
// a button opens the camera and fills in and sends the code it sees. Elsewhere the button stays hidden and the code is
// typed, or the phone's own camera app opens the address in the QR code.
(function () {
    'use strict';
    var button = document.getElementById('scan-button');
    var input = document.getElementById('code');
    if (!button || !input || !('BarcodeDetector' in window) || !navigator.mediaDevices
            || !navigator.mediaDevices.getUserMedia) {
        return;
    }
    var video = document.getElementById('scan-video');
    var status = document.getElementById('scan-status');
    var stream = null;
    var timer = null;
    var detector;
    try {
        detector = new window.BarcodeDetector({formats: ['qr_code']});
    } catch (e) {
        return;
    }
    button.classList.remove('d-none');

    function stop() {
        if (timer) {
            clearInterval(timer);
            timer = null;
        }
        if (stream) {
            stream.getTracks().forEach(function (track) { track.stop(); });
            stream = null;
        }
        video.classList.add('d-none');
        button.textContent = button.getAttribute('data-start');
    }

    button.addEventListener('click', function () {
        if (stream) {
            stop();
            status.textContent = '';
            return;
        }
        navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false}).then(function (s) {
            stream = s;
            video.srcObject = s;
            video.classList.remove('d-none');
            video.play();
            button.textContent = button.getAttribute('data-stop');
            status.textContent = button.getAttribute('data-scanning');
            timer = setInterval(function () {
                detector.detect(video).then(function (codes) {
                    if (codes.length > 0 && stream) {
                        input.value = codes[0].rawValue;
                        stop();
                        input.form.requestSubmit();
                    }
                }).catch(function () { /* not ready yet: try again */ });
            }, 250);
        }).catch(function () {
            status.textContent = button.getAttribute('data-denied');
        });
    });
})();
