using Jiedan.Credibility.Audit;
using Jiedan.Credibility.Conversion;
using Jiedan.Credibility.Demo;
using Jiedan.Credibility.Proposal;
using Jiedan.Credibility.Storage;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Conversion;
using Jiedan.Domain.Credibility.Demo;

namespace Jiedan.Credibility.Scoring;

/// <summary>What to score a deal on: the portfolio repository whose latest stored audit counts, and the demo's address.</summary>
public sealed record DealScoringRequest(string? Repository, string? DemoUrl);

/// <summary>
/// Scores a deal's three assets as they stand now and records the conversion estimate: the proposal from its newest quote
/// and requirement, the repository from its newest stored audit (<c>jiedan audit PATH --save</c>), the demo measured
/// in headless Chromium now. An asset that cannot be scored counts 0 with a check saying what to do.
/// </summary>
public sealed class DealCredibilityScoring(ProposalScores proposals, AuditStore audits, DemoProbe probe, ConversionService conversion)
{
    /// <summary>Null when the deal does not exist. A refused demo address throws <see cref="DemoAddressException"/>.</summary>
    public async Task<DealScoring?> ScoreAsync(long dealId, DealScoringRequest request, bool chinese, CancellationToken ct)
    {
        if (await proposals.ScoreAsync(dealId, chinese, ct) is not { } proposal) return null;
        var repository = await RepositoryAsync(request.Repository?.Trim(), chinese, ct);
        var demo = await DemoAsync(request.DemoUrl?.Trim(), chinese, ct);
        var notes = string.Join("; ", new[] { request.Repository, request.DemoUrl }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return await conversion.RecordAsync(dealId, new AssetScores(proposal, repository, demo, notes.Length > 0 ? notes : null), ct);
    }

    private async Task<AssetScore> RepositoryAsync(string? repository, bool chinese, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(repository))
        {
            return Missing("audit", Say(chinese, "未指定作品仓库", "no portfolio repository given"),
                Say(chinese, "运行 'jiedan audit PATH --save'，再用该仓库（host/owner/repo）评分",
                    "run 'jiedan audit PATH --save', then score with its repository (host/owner/repo)"));
        }
        if (await audits.LatestAsync(repository, ct) is not { } audit)
        {
            return Missing("audit", Say(chinese, $"尚无 {repository} 的审计记录", $"no stored audit of {repository}"),
                Say(chinese, "在仓库的克隆上运行 'jiedan audit PATH --save'", "run 'jiedan audit PATH --save' on a clone of it"));
        }
        var checks = AuditJson.ReadChecks(audit.ChecksJson).Select(c => new CredibilityCheck(c.Id, c.Passed, c.Evidence, c.Fix, c.Weight));
        return new AssetScore(audit.Score, [.. checks]);
    }

    private async Task<AssetScore> DemoAsync(string? url, bool chinese, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(url))
        {
            return Missing("reachable", Say(chinese, "未提供演示地址", "no demo address given"),
                Say(chinese, "部署一个可访问的演示，并在评分时给出其地址", "deploy a demo clients can open and give its address when scoring"));
        }
        try
        {
            return DemoScoring.Score(await probe.MeasureAsync(url, ct), DemoThresholds.Default, chinese);
        }
        catch (DemoProbeUnavailableException e)
        {
            return Missing("reachable", e.Message,
                Say(chinese, "安装 chromium 或设置 Credibility:ChromiumPath", "install chromium or set Credibility:ChromiumPath"));
        }
    }

    private static string Say(bool chinese, string zh, string en) => chinese ? zh : en;

    private static AssetScore Missing(string id, string evidence, string fix) => AssetScore.FromChecks([new(id, false, evidence, fix, 1)]);
}
