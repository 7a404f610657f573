/* Course behaviour that works with Material's instant navigation: per-page code runs on document$. */
(function () {
  "use strict";

  var Course = window.Course || {};
  var store = Course.store;

  /* Dismissed banners are remembered with the rest of the learner's state (blocked storage: this visit only). */
  function dismissed() {
    return store ? store.state.dismissedBanners : [];
  }

  function dismiss(id) {
    if (!store) return;
    store.state.dismissedBanners.push(id);
    store.save();
  }

  /* The privacy wording that is true where the course runs: inside a learning system, opened from disk, or on
     the website. */
  function showDelivery() {
    var delivery = store ? store.delivery() : "web";
    document.querySelectorAll("[data-course-delivery]").forEach(function (part) {
      part.hidden = part.dataset.courseDelivery !== delivery;
    });
  }

  function applyBanners() {
    var hidden = dismissed();
    document.querySelectorAll("[data-promo-id]").forEach(function (promo) {
      if (hidden.indexOf(promo.dataset.promoId) !== -1) promo.hidden = true;
      var button = promo.querySelector(".course-promo__dismiss");
      if (button && !button.dataset.bound) {
        button.dataset.bound = "true";
        button.addEventListener("click", function () {
          dismiss(promo.dataset.promoId);
          promo.hidden = true;
          hideEmptyBanner();
        });
      }
    });
    hideEmptyBanner();
  }

  function hideEmptyBanner() {
    var banner = document.querySelector("[data-md-component=announce]");
    if (!banner || !banner.querySelector("[data-promo-id]")) return;
    banner.hidden = !banner.querySelector("[data-promo-id]:not([hidden])");
  }

  /* Material wraps wide tables in a scroll box; keyboard users must be able to reach and scroll it. */
  function makeTablesScrollable() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("aria-label", caption ? caption.textContent : "Table");
    });
  }

  function onEveryPage() {
    applyBanners();
    showDelivery();
    makeTablesScrollable();
    if (Course.quiz) Course.quiz.enhance();
  }

  if (window.document$) {
    window.document$.subscribe(onEveryPage);
  } else {
    onEveryPage();
  }
})();
