evaluate(new File(checks))
