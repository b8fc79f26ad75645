using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.ApiDocs;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Files;
using Jiedan.Gate.Evidence;
using Jiedan.Gate.Tools;

namespace Jiedan.Gate;

/// <summary>What one gate run found: the checklist, the evidence it rests on and the hash of that evidence.</summary>
public sealed record GateOutcome(
    string ProjectDir, GatePolicy Policy, GateChecklist Checklist, GateEvidence Evidence,
    IReadOnlyList<EvidenceFile> Files, string EvidenceSha256, IReadOnlyList<string> Notes, DateTimeOffset At);

/// <summary>Runs the gate over a project directory: policy, optional tool runs, evidence, checklist, hash.</summary>
public static class GateRun
{
    public const string PolicyFileName = "jiedan.gate.yml";

    public sealed record Options(string ProjectDir)
    {
        public string? PolicyFile { get; init; }
        public bool RunTools { get; init; }
        /// <summary>Where --run writes the reports it produces; a temporary directory when null.</summary>
        public string? WorkDir { get; init; }
        /// <summary>The routes the deal's contract promised: each must be in the delivered OpenAPI document.</summary>
        public IReadOnlyList<ServedRoute>? PromisedRoutes { get; init; }
    }

    /// <summary>Throws <see cref="GateInputException"/> for missing or unreadable input.</summary>
    public static async Task<GateOutcome> ExecuteAsync(Options options, TimeProvider clock, CancellationToken ct)
    {
        var dir = Path.GetFullPath(options.ProjectDir);
        if (!Directory.Exists(dir)) throw new GateInputException(options.ProjectDir, null, "project directory not found");
        var policyFile = options.PolicyFile is { } p ? Path.GetFullPath(p) : Path.Combine(dir, PolicyFileName);
        GatePolicy policy;
        if (RegularFile.KindOf(policyFile) != FileKind.Missing)
        {
            var name = options.PolicyFile ?? PolicyFileName;
            using var reader = new StreamReader(EvidenceReader.Open(new EvidenceFile(EvidenceKind.Policy, name, policyFile)));
            policy = GatePolicyReader.Parse(reader, name);
        }
        else if (options.PolicyFile is not null) throw new GateInputException(options.PolicyFile, null, "policy file not found");
        else { policy = GatePolicy.Defaults; policyFile = null; }

        var notes = new List<string>();
        if (policyFile is null) notes.Add($"no {PolicyFileName}: seed defaults and conventions");
        IReadOnlyList<EvidenceFile> produced = [];
        if (options.RunTools)
        {
            var work = options.WorkDir ?? Path.Combine(Path.GetTempPath(), "jiedan-gate-" + Guid.NewGuid().ToString("N"));
            var hasBaseline = policy.Benchmarks.Enabled &&
                File.Exists(Path.Combine(dir, policy.Benchmarks.Baseline ?? "bench-baseline.txt"));
            var run = await GateToolRunner.RunAsync(dir, work, hasBaseline, ct);
            produced = run.Produced;
            notes.AddRange(run.Notes);
        }

        var files = EvidencePlan.Resolve(dir, policy, policyFile, produced);
        var evidence = await EvidenceReader.ReadAsync(files, policy, ct, dir);
        if (options.PromisedRoutes is { } promised && evidence.ApiDocs is { } docs)
            evidence = evidence with { ApiDocs = docs.WithPromisedRoutes(promised) };
        var checklist = GateEvaluator.Evaluate(policy, evidence);
        return new GateOutcome(dir, policy, checklist, evidence, files, EvidenceHash.Compute(files), notes, clock.GetUtcNow());
    }
}
