// cos-bot dashboard: live SLA clocks. Pages work without this script; it only keeps the
// "in 2 h 5 min" / "overdue by 10 min" texts current while the page stays open.
(function () {
  function span(ms) {
    var minutes = Math.max(0, Math.floor(ms / 60000));
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor(minutes / 60) % 24;
    var mins = minutes % 60;
    if (days > 0) return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    if (hours > 0) return hours + " h" + (mins > 0 ? " " + mins + " min" : "");
    return mins + " min";
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("time[data-clock]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("datetime"));
      if (isNaN(due)) return;
      var left = due - now;
      el.textContent = left < 0 ? "overdue by " + span(-left) : "in " + span(left);
      el.parentElement.classList.toggle("overdue", left < 0);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    setInterval(tick, 30000);
  });
})();
