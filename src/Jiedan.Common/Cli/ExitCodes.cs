namespace Jiedan.Common.Cli;

/// <summary>Exit codes a CI can gate on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
    /// <summary>The database could not be reached, opened, written or read: not the user's input.</summary>
    public const int DatabaseError = 3;
}
