using ColorizeBridge.Cli;

return await CliApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected));
