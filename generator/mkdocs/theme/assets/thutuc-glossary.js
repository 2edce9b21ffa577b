/* thutuc: a tap on a marked term (a.tt-term) shows its explanation in a small bubble under it.
   Without JavaScript the same term is a plain link to its glossary entry. */
(function () {
  "use strict";
  var open = null;

  function close() {
    if (!open) return;
    open.link.setAttribute("aria-expanded", "false");
    open.link.removeAttribute("aria-describedby");
    open.tip.remove();
    open = null;
  }

  function show(link) {
    var tip = document.createElement("span");
    var text = document.createElement("span");
    var more = document.createElement("a");
    var label = document.getElementById("tt-term-more");
    tip.className = "tt-term-tip";
    tip.id = "tt-term-tip";
    tip.setAttribute("role", "tooltip");
    text.textContent = link.dataset.explain;
    more.href = link.href;
    more.textContent = label ? label.textContent : link.textContent;
    if (label && label.lang) more.lang = label.lang;  // Vietnamese on another language's page
    tip.append(text, " ", more);
    link.after(tip);
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-describedby", tip.id);
    open = { link: link, tip: tip };
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.tt-term");
    if (!link) {
      if (open && !open.tip.contains(event.target)) close();
      return;
    }
    event.preventDefault();
    // The explanation moves out of `title` so the browser's own tooltip does not repeat it.
    if (!link.dataset.explain) {
      link.dataset.explain = link.title;
      link.removeAttribute("title");
    }
    var same = open && open.link === link;
    close();
    if (!same) show(link);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
})();
