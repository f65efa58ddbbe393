/** {@code avmon cost}: a saved comparison priced again at other assumptions, books or loads. */
package avmon.cli.cost;
