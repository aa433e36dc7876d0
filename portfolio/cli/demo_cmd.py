"""`demo --out PATH`: write the demo portfolio as a client file."""

from __future__ import annotations

import argparse

from portfolio.cli.common import check_output_path, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="write the demo portfolio as a file",
        description="Write the seeded demo portfolio (every contract column) as CSV, XLSX "
                    "or Parquet, by the extension of --out.")
    parser.add_argument("--out", required=True, help="output file: .csv, .xlsx or .parquet")
    parser.add_argument("--variant", choices=("default", "small", "overflow"),
                        help="a demo portfolio for a room, as the Datasets page loads it "
                             "(overrides --clients, --reps and --seed)")
    parser.add_argument("--clients", type=int, default=2000, help="number of clients (2000)")
    parser.add_argument("--reps", type=int, default=12, help="number of salespeople (12)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (7)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from portfolio.demo import generate_demo
    from portfolio.demo.variants import demo_variant

    check_output_path(args.out)
    if args.variant:
        frame = demo_variant(args.variant).clients_frame()
    else:
        frame = generate_demo(n_clients=args.clients, n_reps=args.reps, seed=args.seed)
    write_output(frame, args.out)
    return 0
