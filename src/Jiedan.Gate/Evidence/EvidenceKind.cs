namespace Jiedan.Gate.Evidence;

/// <summary>What a file is evidence of, which decides the parser that reads it.</summary>
public enum EvidenceKind
{
    Policy, GoCoverage, Cobertura, Lcov, Sarif, Gosec, Golangci, OpenApi, Routes, Complexity, GoMod, GoTestJson, BenchBaseline,
        BenchCurrent,
}

/// <summary>One file read as evidence; <paramref name="Name"/> is relative to the project (or "run/…" when --run wrote it).</summary>
public sealed record EvidenceFile(EvidenceKind Kind, string Name, string FullPath);
