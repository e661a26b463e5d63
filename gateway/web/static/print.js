// «Печать» buttons (class print-page) print the page.
document.querySelectorAll("button.print-page").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
