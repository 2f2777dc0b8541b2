/* Schakel: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  // Move focus to the error summary so screen-reader and keyboard users land on it;
  // a click on one of its links focuses the field itself, not just scrolls to it.
  function foutsamenvatting() {
    var samenvatting = document.querySelector("[data-foutsamenvatting]");
    if (!samenvatting) return;
    samenvatting.focus();
    samenvatting.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var doel = document.getElementById(link.getAttribute("href").slice(1));
      if (!doel) return;
      event.preventDefault();
      var legend = doel.closest("fieldset") && doel.closest("fieldset").querySelector("legend");
      (legend || doel).scrollIntoView();
      doel.focus({ preventScroll: true });
    });
  }

  // On the answer form: commitments belong to 'overnemen' only. With 'niet overnemen'
  // chosen the commitment rows are hidden and disabled, so they are not sent.
  function reactieformulier() {
    var formulier = document.querySelector("[data-reactieformulier]");
    if (!formulier) return;
    var toezeggingen = formulier.querySelector("[data-toezeggingen]");
    if (!toezeggingen) return;
    function bijwerken() {
      var keuze = formulier.querySelector("input[name='besluit']:checked");
      var uitleg = Boolean(keuze && keuze.value === "niet_overnemen");
      toezeggingen.hidden = uitleg;
      toezeggingen.disabled = uitleg;
    }
    formulier.addEventListener("change", function (event) {
      if (event.target.name === "besluit") bijwerken();
    });
    bijwerken();
  }

  // On a narrow screen the account block and the main menu fold away behind a "Menu" button
  // (the CSS hides them only while the header carries kop--inklapbaar and not kop--open).
  function menu() {
    var kop = document.querySelector("[data-kop]");
    var knop = kop && kop.querySelector("[data-menuknop]");
    if (!knop) return;
    kop.classList.add("kop--inklapbaar");
    knop.hidden = false;
    knop.addEventListener("click", function () {
      var open = knop.getAttribute("aria-expanded") !== "true";
      knop.setAttribute("aria-expanded", String(open));
      kop.classList.toggle("kop--open", open);
    });
  }

  function start() {
    menu();
    foutsamenvatting();
    reactieformulier();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
