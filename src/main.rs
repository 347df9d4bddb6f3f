fn main() -> std::process::ExitCode {
    facetctl::cli::main()
}
