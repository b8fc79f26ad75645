namespace Jiedan.Deals.Pages.Deals;

/// <summary>
/// The board's only script, served from memory like the stylesheet (the Content-Security-Policy allows scripts from this
/// origin only, never inline). Without it the board still works: every card has its Move form. With it, a card dragged to a
/// later column, or a focused card with Alt+→, posts that same form (antiforgery token and version included) asking for
/// JSON; the card moves in place and the result is read out through the board's live region. A stale version is told and
/// changes nothing; Lost needs a reason, so a drop there selects Lost in the card's form and asks for one.
/// </summary>
public static class BoardScript
{
    public const string Path = "/assets/board.js";

    public static IEndpointRouteBuilder MapBoardScript(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Results.Text(Js, "text/javascript")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public const string Js = """
        "use strict";
        (() => {
          const board = document.getElementById("board");
          if (!board) return;
          const order = board.dataset.stages.split(",");
          const lost = board.dataset.lost;
          const live = document.getElementById("board-message");
          const indexOf = key => key === lost ? order.length : order.indexOf(key);
          const isClosed = key => key === lost || indexOf(key) === order.length - 1;
          const say = (text, error) => { live.textContent = text; live.className = error ? "error" : "ok"; };
          const columnOf = key => board.querySelector(`.column[data-stage="${CSS.escape(key)}"]`);
          const bump = (column, by) => { const c = column.querySelector(".count"); c.textContent = String(Number(c.textContent) + by); };

          function place(card, target, version) {
            const from = card.closest(".column");
            const to = columnOf(target);
            const form = card.querySelector("form");
            card.dataset.stage = target;
            card.dataset.version = String(version);
            form.elements.version.value = String(version);
            for (const option of [...form.elements.stage.options])
              if (option.value !== lost && indexOf(option.value) <= indexOf(target)) option.remove();
            if (isClosed(target)) { form.remove(); card.draggable = false; }
            const label = to.querySelector("h3 span").textContent;
            card.setAttribute("aria-label", `${card.querySelector("a").textContent} · ${label}`);
            to.querySelector(".cards").prepend(card);
            bump(from, -1);
            bump(to, 1);
            card.focus({ preventScroll: true });
            card.scrollIntoView({ block: "nearest", inline: "nearest" });
          }

          async function move(card, target) {
            const from = card.dataset.stage;
            const form = card.querySelector("form");
            if (target === from) return;
            if (!form || isClosed(from)) return say(board.dataset.tDone, true);
            if (target === lost) {
              form.elements.stage.value = lost;
              form.elements.reason.focus();
              return say(board.dataset.tLost, false);
            }
            if (indexOf(target) <= indexOf(from)) return say(board.dataset.tBack, true);
            const data = new FormData(form);
            data.set("stage", target);
            card.setAttribute("aria-busy", "true");
            let body = null;
            try {
              const response = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
                headers: { Accept: "application/json" } });
              body = await response.json();
            } catch {
              body = null;
            } finally {
              card.removeAttribute("aria-busy");
            }
            if (!body || typeof body.message !== "string") return say(board.dataset.tFailed, true);
            say(body.message, !body.ok);
            if (body.ok) place(card, target, body.version);
          }

          let dragged = null;
          const unmark = () => board.querySelectorAll(".drop-target").forEach(c => c.classList.remove("drop-target"));
          board.addEventListener("dragstart", e => {
            const card = e.target instanceof Element ? e.target.closest(".deal") : null;
            if (!card || card.draggable !== true) return;
            dragged = card;
            e.dataTransfer.setData("text/plain", card.dataset.deal);
            e.dataTransfer.effectAllowed = "move";
            card.classList.add("dragging");
          });
          board.addEventListener("dragend", () => { dragged?.classList.remove("dragging"); dragged = null; unmark(); });
          board.addEventListener("dragover", e => {
            const column = e.target instanceof Element ? e.target.closest(".column") : null;
            if (!column || !dragged) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = "move";
            if (!column.classList.contains("drop-target")) { unmark(); column.classList.add("drop-target"); }
          });
          board.addEventListener("drop", e => {
            const column = e.target instanceof Element ? e.target.closest(".column") : null;
            const card = dragged;
            unmark();
            if (!column || !card) return;
            e.preventDefault();
            move(card, column.dataset.stage);
          });
          board.addEventListener("keydown", e => {
            const card = e.target instanceof Element && e.target.classList.contains("deal") ? e.target : null;
            if (!card || !e.altKey || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) return;
            e.preventDefault();
            if (e.key === "ArrowLeft") return say(board.dataset.tBack, true);
            const next = order[indexOf(card.dataset.stage) + 1];
            if (next && !isClosed(card.dataset.stage)) move(card, next);
            else say(board.dataset.tDone, true);
          });
        })();
        """;
}
