"""Generator and critic of Ci et al. 2018, with width and depth as options."""
