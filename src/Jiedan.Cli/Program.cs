using Jiedan.Cli;

return await JiedanCli.RunAsync(args);
