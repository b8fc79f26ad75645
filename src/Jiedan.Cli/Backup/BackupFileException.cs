namespace Jiedan.Cli.Backup;

/// <summary>A backup file or restore target that cannot be used: exit 2, the message names the file and the problem.</summary>
public sealed class BackupFileException(string file, string problem) : Exception($"{file}: {problem}");
