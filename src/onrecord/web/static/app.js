// onrecord pages: link the pieces of each attribution on hover, and show
// whom a mention resolves to on click. Builds DOM nodes only (no innerHTML).
(function () {
  "use strict";

  function numbers(el) {
    return (el.getAttribute("data-q") || "").split(/\s+/).filter(Boolean);
  }

  function setLinked(el, on) {
    numbers(el).forEach(function (n) {
      document.querySelectorAll('[data-q~="' + n + '"]').forEach(function (other) {
        other.classList.toggle("hl", on);
      });
    });
  }

  document.addEventListener("mouseover", function (event) {
    var el = event.target.closest && event.target.closest("[data-q]");
    if (el) setLinked(el, true);
  });
  document.addEventListener("mouseout", function (event) {
    var el = event.target.closest && event.target.closest("[data-q]");
    if (el) setLinked(el, false);
  });

  var popover = null;

  function closePopover() {
    if (popover) {
      popover.remove();
      popover = null;
    }
  }

  function openPopover(el) {
    closePopover();
    var who;
    try {
      who = JSON.parse(el.getAttribute("data-who") || "[]");
    } catch (err) {
      who = [];
    }
    popover = document.createElement("div");
    popover.className = "popover";
    popover.setAttribute("role", "dialog");
    var head = document.createElement("div");
    head.className = "head";
    head.textContent = "“" + el.textContent + "” refers to";
    popover.appendChild(head);
    if (!who.length) {
      var none = document.createElement("div");
      none.textContent = "nobody resolved";
      popover.appendChild(none);
    } else {
      var list = document.createElement("ul");
      who.forEach(function (w) {
        var item = document.createElement("li");
        var name;
        if (w.href && w.href.indexOf("/people/") === 0) {
          name = document.createElement("a");
          name.href = w.href;
        } else {
          name = document.createElement("span");
        }
        name.textContent = w.name;
        item.appendChild(name);
        if (w.detail) {
          var detail = document.createElement("span");
          detail.className = "detail";
          detail.textContent = " · " + w.detail;
          item.appendChild(detail);
        }
        list.appendChild(item);
      });
      popover.appendChild(list);
    }
    document.body.appendChild(popover);
    var box = el.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8);
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = window.scrollY + box.bottom + 6 + "px";
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest && event.target.closest("[data-who]");
    if (el) {
      event.preventDefault();
      openPopover(el);
    } else if (!(popover && popover.contains(event.target))) {
      closePopover();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closePopover();
    } else if (event.key === "Enter" && event.target.matches && event.target.matches("[data-who]")) {
      openPopover(event.target);
    }
  });
})();
