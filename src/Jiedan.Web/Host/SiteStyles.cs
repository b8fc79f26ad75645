namespace Jiedan.Web.Host;

/// <summary>The dashboard's stylesheet, served from memory so a single-file publish needs no wwwroot.</summary>
public static class SiteStyles
{
    public const string Css = """
        :root { --ink:#1f2430; --muted:#667085; --line:#e4e7ec; --bg:#f7f8fa; --accent:#2f6fed; --warn:#d9480f; --ok:#2b8a3e; }
        * { box-sizing: border-box; }
        body { margin:0; font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--ink);
            background:var(--bg); }
        header.top { display:flex; align-items:center; gap:.4rem 1.5rem; padding:.6rem 1.2rem; background:#fff;
            border-bottom:1px solid var(--line); position:relative; }
        header .brand { font-weight:700; color:var(--ink); text-decoration:none; font-size:1.15rem; }
        header .brand small { color:var(--muted); font-weight:400; }
        header nav a { color:var(--muted); text-decoration:none; }
        header nav a.active, header nav a:hover { color:var(--accent); }
        header nav.wide { display:flex; flex-wrap:wrap; gap:.2rem 1rem; flex:1 1 0; min-width:0; }
        header details.menu { display:none; }
        header details.menu summary { cursor:pointer; color:var(--accent); list-style:none; padding:.2rem .5rem;
            border:1px solid var(--line); border-radius:5px; }
        header details.menu summary::-webkit-details-marker { display:none; }
        header details.menu nav { position:absolute; left:0; right:0; top:100%; z-index:10; background:#fff; display:flex;
            flex-direction:column; padding:.3rem 1.2rem .6rem; border-bottom:1px solid var(--line); box-shadow:0 6px 12px #0002; }
        header details.menu nav a { padding:.45rem 0; }
        header .right { margin-left:auto; display:flex; gap:1rem; align-items:center; }
        main { padding:1.2rem; }
        a:focus-visible, button:focus-visible, summary:focus-visible, .deal:focus-visible { outline:3px solid var(--accent);
            outline-offset:2px; }
        header .brand, header .right a, header .right button, header details.menu summary { white-space:nowrap; }
        fieldset { min-width:0; max-width:100%; }
        fieldset table { display:block; overflow-x:auto; }
        @media (max-width: 900px) {
            header.top { padding:.5rem .8rem; gap:.4rem .8rem; }
            header .brand small { display:none; }
            header nav.wide { display:none; }
            header details.menu { display:block; }
            header .right { gap:.6rem; font-size:.9rem; }
            header .right .wide-only { display:none; }
            main { padding:.8rem; }
            main table { display:block; overflow-x:auto; max-width:100%; }
        }
        pre { overflow-x:auto; max-width:100%; }
        #sessions td.client { overflow-wrap:anywhere; }
        .scroll-x { overflow-x:auto; max-width:100%; }
        img, svg { max-width:100%; }
        h1 { font-size:1.4rem; margin:.2rem 0 1rem; }
        h2 { font-size:1.1rem; margin:1.4rem 0 .6rem; }
        table { border-collapse:collapse; background:#fff; width:100%; }
        th, td { border-bottom:1px solid var(--line); padding:.4rem .6rem; text-align:left; font-size:.92rem; }
        td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
        tr.bottleneck td { background:#fff4e6; }
        .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.8rem; margin-bottom:.8rem; }
        .board { display:flex; gap:.8rem; overflow-x:auto; align-items:stretch; height:max(22rem, calc(100vh - 13rem));
            padding-bottom:.3rem; }
        .column { flex:0 0 230px; display:flex; flex-direction:column; min-height:0; background:#eef1f5; border-radius:8px;
            padding:.5rem; }
        .column .cards { flex:1 1 auto; min-height:0; overflow-y:auto; }
        .column.drop-target { outline:2px dashed var(--accent); outline-offset:-2px; }
        .column h3 { font-size:.9rem; margin:.2rem .2rem .5rem; display:flex; justify-content:space-between; }
        .deal[draggable=true] { cursor:grab; }
        .deal.dragging { opacity:.5; }
        .deal[aria-busy=true] { opacity:.6; }
        #board-message:empty { display:none; }
        .deal { background:#fff; border-radius:6px; padding:.5rem; margin-bottom:.5rem; border:1px solid var(--line); font-size:.85rem; }
        .deal a { color:var(--ink); font-weight:600; text-decoration:none; }
        .deal form { display:flex; flex-wrap:wrap; gap:.3rem; margin-top:.4rem; }
        .deal select { flex:1 1 100%; min-width:0; }
        .deal input[name=reason] { flex:1; min-width:0; }
        .tag { display:inline-block; background:#eef4ff; color:var(--accent); border-radius:4px; padding:0 .35rem; font-size:.75rem;
            margin-right:.2rem; }
        .tag.demo { background:#f2f4f7; color:var(--muted); }
        .tag.warn { background:#fff4e6; color:var(--warn); }
        .muted { color:var(--muted); }
        .error { color:var(--warn); }
        .ok { color:var(--ok); }
        form.inline { display:inline; }
        button, input[type=submit] { background:var(--accent); color:#fff; border:0; border-radius:5px; padding:.35rem .8rem;
            cursor:pointer; }
        button.link { background:none; color:var(--muted); padding:0; }
        input, select, textarea { border:1px solid var(--line); border-radius:5px; padding:.3rem .45rem; font:inherit; max-width:100%; }
        label { display:block; margin:.5rem 0 .2rem; font-size:.9rem; color:var(--muted); }
        .grid2 { display:grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap:1rem; }
        .filters { display:flex; gap:.6rem; flex-wrap:wrap; align-items:flex-end; margin-bottom:1rem; }
        .filters label { margin:0 0 .15rem; }
        .timeline { list-style:none; padding:0; margin:0; border-left:2px solid var(--line); }
        .timeline li { margin:0 0 .7rem .8rem; position:relative; }
        .timeline li::before { content:""; position:absolute; left:-1.2rem; top:.35rem; width:.6rem; height:.6rem; border-radius:50%;
            background:var(--accent); }
        .chart svg, .chart img { max-width:100%; height:auto; background:#fff; border:1px solid var(--line); border-radius:8px; }
        .login { max-width:380px; margin:3rem auto; }
        .narrow { max-width:560px; }
        .w-full { width:100%; } .w4 { width:4rem; } .w5 { width:5rem; } .w55 { width:5.5rem; } .w7 { width:7rem; } .w8 { width:8rem; }
        .sub { font-size:.9rem; } .gap-left { margin-left:1rem; } .spaced { margin-top:.8rem; }
        .pre { white-space:pre-wrap; } pre.flat { margin:0; }
        """;
}
