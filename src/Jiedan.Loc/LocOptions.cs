namespace Jiedan.Loc;

/// <summary>What to count. The defaults are `jiedan loc`'s: vendor directories and generated files are kept out of the totals, test code is
/// in them.</summary>
public sealed record LocOptions
{
    /// <summary>Walk vendor/ and node_modules/ and count them in the totals (they are always also shown apart).</summary>
    public bool IncludeVendor { get; init; }

    /// <summary>Count files marked `Code generated … DO NOT EDIT.` in the totals (they are always also shown apart).</summary>
    public bool IncludeGenerated { get; init; }

    /// <summary>Keep test code out of the totals (it is always also shown apart).</summary>
    public bool ExcludeTests { get; init; }

    /// <summary>Count files with identical content once, keeping the last path in ordinal order (cloc's default).</summary>
    public bool Dedupe { get; init; }

    /// <summary>Honour .gitignore and .ignore files.</summary>
    public bool RespectIgnoreFiles { get; init; } = true;

    /// <summary>Reproduce cloc's results exactly, including where cloc ignores string literals and nesting (see docs/loc.md).</summary>
    public bool ClocCompatible { get; init; }

    /// <summary>Files larger than this are skipped unread (cloc's --max-file-size, 100 MB by default).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    public const long DefaultMaxFileBytes = 100L << 20;

    /// <summary>Worker threads; defaults to the number of processors.</summary>
    public int? Parallelism { get; init; }

    public static LocOptions Default { get; } = new();

    /// <summary>The options under which Jiedan's counts compare one to one with a plain `cloc DIR` run.</summary>
    public static LocOptions LikeCloc { get; } = new()
    {
        IncludeVendor = true,
        IncludeGenerated = true,
        Dedupe = true,
        RespectIgnoreFiles = false,
        ClocCompatible = true,
    };
}
