namespace Jiedan.Loc.Counting;

/// <summary>Blank, comment and code lines of one file or a sum of files.</summary>
public readonly record struct LineCounts(long Blank, long Comment, long Code)
{
    public long Lines => Blank + Comment + Code;

    public static LineCounts operator +(LineCounts a, LineCounts b) =>
        new(a.Blank + b.Blank, a.Comment + b.Comment, a.Code + b.Code);
}
