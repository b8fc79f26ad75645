using System.Globalization;

namespace Jiedan.Domain.Credibility.Demo;

/// <summary>The demo checks' evidence and fixes, in English or Chinese.</summary>
internal sealed class DemoTexts(bool chinese)
{
    private string T(string en, string zh) => chinese ? zh : en;

    public string Unknown => T("unknown reason", "原因不明");
    public string Good => T("good", "良好");
    public string Moderate => T("moderate", "一般");
    public string Poor => T("poor", "差");

    public string NotMeasured(string reason) => T($"not measured: the demo was not reachable ({reason})", $"未测量：演示无法访问（{reason}）");
    public string UnreachableEvidence(string url, string reason) => T($"{url}: {reason}", $"{url}：{reason}");
    public static string ReachableEvidence(string url, int? status) =>
        status is { } s ? Invariant($"{url} → HTTP {s}") : url;
    public string ReachableFix => T("deploy the demo where clients can open it (a public http(s) URL that answers 2xx) and score it again",
        "把演示部署到客户能打开的地址（公开的 http(s) URL，返回 2xx）后重新评分");
    public string ReachableFirst => T("make the demo reachable first", "先让演示可以访问");

    public static string HealthStatus(int status) => Invariant($"GET /health → HTTP {status}");
    public string HealthReason(string reason) => T($"GET /health: {reason}", $"GET /health：{reason}");
    public string HealthFix => T("serve GET /health answering 200 when the service is up (the jiedan scaffold has one)",
        "提供 GET /health，服务正常时返回 200（jiedan scaffold 生成的服务自带）");

    public string NoPaint => T("the browser reported no first contentful paint (an empty or script-only page?)",
        "浏览器没有报告首次内容绘制（页面为空或只有脚本？）");
    public string PaintEvidence(string measured, string band, string good, string poor) =>
        T($"first contentful paint {measured} ({band}; Lighthouse: good ≤ {good}, poor > {poor})",
            $"首次内容绘制 {measured}（{band}；Lighthouse：≤ {good} 良好，> {poor} 差）");
    public string PaintFix(DemoThresholds l) => T(
        $"bring first contentful paint to ≤ {DemoScoring.Seconds(l.FcpGoodMs)}: server-render the first screen, defer scripts, " +
        "inline critical CSS, compress and cache static files",
        $"把首次内容绘制降到 {DemoScoring.Seconds(l.FcpGoodMs)} 以内：首屏服务端渲染、脚本延迟加载、内联关键 CSS、压缩并缓存静态文件");

    public string NoLoad => T("the load event did not fire within the navigation timeout", "在导航超时内 load 事件没有触发");
    public string LoadEvidence(string measured, string good) =>
        T($"full load {measured} (goal ≤ {good})", $"完整加载 {measured}（目标 ≤ {good}）");
    public string LoadFix(DemoThresholds l) => T(
        $"bring the full load to ≤ {DemoScoring.Seconds(l.LoadGoodMs)}: lazy-load images below the fold, drop slow third-party " +
        "resources, size images to their display",
        $"把完整加载降到 {DemoScoring.Seconds(l.LoadGoodMs)} 以内：首屏以下图片懒加载、去掉慢的第三方资源、按显示尺寸压缩图片");

    public string ErrorsEvidence(int console, int page) =>
        T(Invariant($"{console} console error(s), {page} uncaught page error(s)"), Invariant($"控制台错误 {console} 个，未捕获的页面错误 {page} 个"));
    public string ErrorsFix => T("open the browser console on the demo and fix each error a client would see there",
        "在浏览器控制台打开演示，修复客户会看到的每个错误");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
