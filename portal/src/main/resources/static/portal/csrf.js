// Sends the CSRF token that the layout puts in <meta name="csrf-token"> with every htmx request
// that changes something (Spring Security refuses a POST without it). Forms carry it themselves.
(function () {
  "use strict";
  var token = document.querySelector("meta[name=csrf-token]");
  var header = document.querySelector("meta[name=csrf-header]");
  if (!token || !header) { return; }
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.verb !== "get") {
      event.detail.headers[header.content] = token.content;
    }
  });
})();
