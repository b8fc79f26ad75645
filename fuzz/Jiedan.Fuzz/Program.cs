using Jiedan.Fuzz;
using SharpFuzz;

// Usage: Jiedan.Fuzz TARGET        (under afl-fuzz: fuzz/run.sh; alone: runs once on standard input, to replay a crash)
//        Jiedan.Fuzz --list
if (args.Length != 1 || args[0] == "--list" || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine(args.Length == 1 && args[0] == "--list" ? "" : "usage: Jiedan.Fuzz TARGET   (one of the names below)");
    foreach (var name in Targets.All.Keys) Console.WriteLine(name);
    return args.Length == 1 && args[0] == "--list" ? 0 : 2;
}
Fuzzer.OutOfProcess.Run(stream => target(stream));
return 0;
