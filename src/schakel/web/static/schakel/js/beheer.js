/* The admin (/beheer/): the search icons of Django's two-list selector carry an aria-label on a
   plain span, which ARIA does not allow (axe: aria-prohibited-attr). Make them images with a name.
   SelectFilter2.js builds them on 'load'; registered from DOMContentLoaded, after every script
   ran, this 'load' listener comes after SelectFilter2's. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  window.addEventListener("load", function () {
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icoon) {
      icoon.setAttribute("role", "img");
    });
  });
});
