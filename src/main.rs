fn main() {
    std::process::exit(panel_draft::cli::main());
}
